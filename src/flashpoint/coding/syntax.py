"""Predicate-argument helpers over spaCy's dependency parse (ClearNLP-style labels).

Small, pure functions over tokens: who is the subject of a verb (through coordination, control
and relative clauses), which objects and prepositional phrases it takes, and whether it is
passive.  Keeping them here lets the coder read like the linguistics it implements.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..nlp.docmemo import children, doc_tokens, doc_words, per_token, remembered, sentence_of

__all__ = [
    "NOMINAL",
    "TARGET_PREPS",
    "agent_of",
    "clause_head",
    "conjuncts",
    "direct_objects",
    "directive_governor",
    "is_passive",
    "particle_of",
    "prep_phrases",
    "subject_of",
    "subordination",
]

# Prepositions whose object may be the target of an event ("talks with", "an attack on").
TARGET_PREPS = (
    "with",
    "against",
    "on",
    "to",
    "toward",
    "towards",
    "into",
    "at",
    "upon",
    "over",
    "from",
    "for",
    "between",
)
# Parts of speech an argument head can have.
NOMINAL = ("NOUN", "PROPN", "PRON")
SUBJ = {"nsubj", "csubj", "expl"}
PASS_SUBJ = {"nsubjpass", "csubjpass"}
OBJ = {"dobj", "obj", "attr", "oprd"}
# Verbs whose object is the subject of their infinitive ("urged Israel to halt"); for others
# an infinitive after the object is the subject's purpose ("summoned the envoy to complain").
OBJECT_CONTROL = frozenset(
    "urge ask order force persuade allow permit tell call encourage invite press pressure push "
    "compel require warn advise instruct request authorize authorise help enable convince "
    "get lead beg implore exhort appeal oblige leave want expect".split()
)
# Nouns of documents and statements whose participle speaks for their author ("issued a
# statement condemning ...", "sent a letter urging ...").
STATEMENT_NOUNS = frozenset(
    "declaration statement letter communique communiqué resolution petition appeal message "
    "manifesto memorandum note proclamation decree report ultimatum plea".split()
)
CLAUSAL = {"ccomp", "xcomp", "advcl", "relcl", "acl", "pcomp", "conj", "parataxis"}


# "free": "set free two hostages" (the parser makes it an adverb of "set").
_PARTICLES = {
    "down", "off", "up", "out", "back", "over", "away", "in", "on", "aside", "through", "free",
}  # fmt: skip


@per_token
def particle_of(verb: Token) -> str | None:
    """The phrasal particle; the small parser often labels it advmod or a bare prep."""
    for child in children(verb):
        if child.dep_ == "prt":
            return child.lower_
    for child in children(verb):
        if (
            child.lower_ in _PARTICLES
            and child.dep_ in ("advmod", "prep")
            and not any(g.dep_ == "pobj" for g in children(child))
            and child.i == verb.i + 1
        ):
            return child.lower_
    return None


@per_token
def conjuncts(token: Token) -> list[Token]:
    """The token and the tokens coordinated with it ("Egypt and Qatar")."""
    out = [token]
    stack = [token]
    while stack:
        for child in children(stack.pop()):
            same_kind = child.pos_ == token.pos_ or (
                token.pos_ in NOMINAL and child.pos_ in NOMINAL
            )
            coordinated = child.dep_ == "conj" and same_kind and _list_owner(child) in (None, token)
            if coordinated or _listed_apposition(token, child):
                out.append(child)
                stack.append(child)
    if token.pos_ in NOMINAL:
        stray = next((t for t in _later(out[-1]) if _list_owner(t) == out[-1]), None)
        if stray is not None:
            out.extend(conjuncts(stray))
    return out


_NAMED_ENTITIES = ("GPE", "ORG", "NORP")
_INCLUDING = frozenset({"including", "like"})


def listed_members(token: Token) -> list[Token]:
    """The actors a group noun lists: "other African countries, including Ethiopia, Kenya and
    Uganda", "Western states such as France and Germany" -> each listed name; else []."""
    if token.pos_ != "NOUN":
        return []
    for child in children(token):
        word = child.lower_
        such_as = word == "as" and any(c.lower_ == "such" for c in children(child))
        such_as = such_as or (word == "as" and child.i > 0 and child.nbor(-1).lower_ == "such")
        if child.dep_ == "prep" and (word in _INCLUDING or such_as):
            objects = [c for c in children(child) if c.dep_ == "pobj"]
            if objects and objects[0].pos_ == "PROPN":
                return conjuncts(objects[0])
    return []


def _listed_apposition(token: Token, child: Token) -> bool:
    """ "The EU, UK, Japan, Australia, and New Zealand designated ...": the small parser reads
    the second name of a comma list as an apposition of the first (with the rest of the list
    coordinated under it).  Two different proper names of states or organisations, in a list
    (the apposition has conjuncts of its own, or the first name a coordinator), are two
    parties, not one named twice."""
    return (
        child.dep_ == "appos"
        and token.pos_ == "PROPN"
        and child.pos_ == "PROPN"
        and token.ent_type_ in _NAMED_ENTITIES
        and child.ent_type_ in _NAMED_ENTITIES
        and child.lower_ != token.lower_
        and (
            any(c.dep_ == "conj" for c in children(child))
            or any(c.dep_ == "cc" for c in children(token))
        )
    )


def _later(token: Token) -> list[Token]:
    """The next words of the sentence that could be stray conjuncts of ``token``; none at all
    (without building a token) when no "and"/"or" follows a closing parenthesis nearby, which
    :func:`_list_owner` requires."""
    after_parens = _paren_conjunctions(token.doc)
    if not after_parens:
        return []
    sent = sentence_of(token)
    end = min(token.i + 30, sent.end)
    # A stray's left edge lies in its sentence, so the conjunction is at sent.start - 1 or later.
    if not any(sent.start - 1 <= cc < end for cc in after_parens):
        return []
    return doc_tokens(token.doc)[token.i + 1 : end]


def _paren_conjunctions(doc: Doc) -> list[int]:
    """Indices of "and"/"or" right after ")" in the document."""
    return remembered(doc, "paren-conjunctions", lambda: _find_paren_conjunctions(doc))


def _find_paren_conjunctions(doc: Doc) -> list[int]:
    words = doc_words(doc)
    return [
        i for i in range(2, len(words)) if words[i - 1] == ")" and words[i].lower() in ("and", "or")
    ]


@per_token
def _list_owner(conj: Token) -> Token | None:
    """The list item a stray conjunct belongs with.  In "sanctions on the Central African
    Republic (CAR) and the Congo (DRC)" the parenthesis leads the small parser to attach
    "Congo" to the verb or to "sanctions" rather than to the list's previous item, the noun
    the parenthesis closes."""
    doc = conj.doc
    cc = conj.left_edge.i - 1
    if cc < 2 or doc[cc].lower_ not in ("and", "or") or doc[cc - 1].text != ")":
        return None
    opening = next((t for t in reversed(doc[max(cc - 12, 0) : cc - 1]) if t.text in "()"), None)
    if opening is None or opening.text != "(":
        return None
    owner = opening.head
    while owner.dep_ == "appos":
        owner = owner.head
    if owner.pos_ not in ("NOUN", "PROPN") or owner == conj.head:
        return None
    return owner if conj.head in owner.ancestors else None


@per_token
def is_passive(verb: Token) -> bool:
    return any(c.dep_ in PASS_SUBJ or c.dep_ == "auxpass" for c in children(verb))


def _own_subject(verb: Token) -> Token | None:
    """The verb's own subject; with two candidates (a misparse), the nominal nearest the verb."""
    candidates = [c for c in children(verb) if c.dep_ in SUBJ or c.dep_ in PASS_SUBJ]
    if not candidates:
        return None
    nominal = [c for c in candidates if c.pos_ in NOMINAL] or candidates
    subject = min(nominal, key=lambda c: abs(verb.i - c.i))
    if subject.pos_ == "VERB" and subject.tag_ in ("VBG", "VBN"):
        # "The Red Cross operating in Iraq said ...", misparsed with the participle as the
        # subject and the noun as its subject: the noun the participle describes speaks.
        described = [
            c for c in children(subject) if c.dep_ in SUBJ and c.i < subject.i and c.pos_ != "VERB"
        ]
        if described:
            return described[-1]
    return subject


def subject_of(verb: Token) -> Token | None:
    """The grammatical subject, inherited through coordination, control and relative clauses.

    - "Egypt hosted and mediated talks": mediated inherits Egypt (conj).
    - "Iran agreed to resume talks": resume inherits Iran (subject control).
    - "The US urged Israel to halt strikes": halt's subject is Israel (object control).
    - "troops who attacked the town": attacked's subject is troops (relcl).
    """
    seen = 0
    current = verb
    while seen < 8:
        seen += 1
        subject = _own_subject(current)
        if subject is not None:
            if subject.lower_ in ("who", "that", "which") and current.dep_ == "relcl":
                return current.head
            return subject
        head = current.head
        if current.dep_ == "ROOT":
            return _stranded_subject_before(current)
        if current.dep_ == "conj":
            current = head
            continue
        if current.dep_ == "xcomp":
            if head.lemma_.lower() in OBJECT_CONTROL:
                for child in children(head):
                    if child.dep_ in OBJ and child.i < current.i:
                        return child  # object control
            current = head  # subject control, or a purpose clause ("summoned X to complain")
            continue
        if current.dep_ in ("relcl", "acl") and head.pos_ in NOMINAL:
            if current.dep_ == "relcl":
                return head
            if current.dep_ == "acl" and agent_of(current) is not None:
                return agent_of(current)  # "a rally staged by students to protest ..."
            if current.tag_ in ("VBD", "VBN"):
                # A finite past verb is no noun modifier: "Doctors from two aid groups donated
                # ... goods" is a main clause misparsed; its subject is the whole noun phrase.
                # A participle counts only with an object (so not passive) or a verbless
                # sentence ("troops stationed in X" stays a modifier).
                top = head
                while top.dep_ == "pobj" and top.head.dep_ == "prep":
                    top = top.head.head
                finite = (
                    current.tag_ == "VBD"
                    or top.dep_ == "ROOT"
                    or direct_objects(current)
                    or _shares_subject_slot(top)
                )
                if finite and (top.dep_ in SUBJ or top.dep_ == "ROOT"):
                    return top
            if (
                current.tag_ == "VBG"
                and head.lemma_.lower() in STATEMENT_NOUNS
                and head.dep_ in OBJ
                and head.head.pos_ in ("VERB", "AUX")
            ):
                current = head.head  # "issued a declaration demanding ...": its issuer demands
                continue
            return None
        if current.dep_ in ("acomp", "attr") and head.pos_ == "AUX":
            current = head  # "Norway is willing to send": willing -> is -> Norway
            continue
        if current.dep_ == "pcomp" and head.dep_ == "prep":
            governor = head.head
            # "accused the UAE of arming": the object arms; "refrained from criticising":
            # with no object, the subject criticises.
            for child in children(governor):
                if child.dep_ in ("dobj", "obj") and child.i < head.i:
                    return child
            current = governor
            continue
        purpose = current.dep_ == "advcl" and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in children(current)
        )
        if purpose:
            current = head  # "marched ... to demand": the marchers demand
            continue
        if current.dep_ == "advcl" and current.tag_ in ("VBG", "VBN"):
            current = head  # "..., killing five": the participle shares the main subject
            continue
        return None
    return None


def _stranded_subject_before(verb: Token) -> Token | None:
    """The subject of a finite main verb the parser left without one: "With the signing of
    the accord, the government and the rebels have agreed to ..." hangs "government" as a
    conjunct inside the fronted phrase.  The noun phrase right before the verb's auxiliaries,
    from the comma that closes the fronted phrase on, is the subject."""
    auxiliaries = [c for c in children(verb) if c.dep_ in ("aux", "auxpass") and c.i < verb.i]
    if not auxiliaries or verb.tag_ not in ("VBN", "VBD", "VBZ", "VBP", "VBG"):
        return None
    first = min(a.i for a in auxiliaries)
    doc = verb.doc
    if first - 1 < sentence_of(verb).start:
        return None
    token = doc[first - 1]
    if token.pos_ not in ("NOUN", "PROPN") or token.dep_ not in ("conj", "pobj", "appos"):
        return None
    # Climb the coordination back to its first conjunct after the closing comma.
    while token.dep_ == "conj" and not any(t.text == "," for t in doc[token.head.i : token.i]):
        token = token.head
    if any(t.text == "," for t in doc[token.i : first]):
        return None
    return token


def _shares_subject_slot(noun: Token) -> bool:
    """The noun is one of two subjects of one verb: "Youths resorted to ..., officials said"
    misparsed with "resorted" as a modifier of "youths" and both nouns under "said".  Its
    "modifier" is then the reported clause's own verb."""
    if noun.dep_ not in SUBJ:
        return False
    return sum(c.dep_ in SUBJ for c in children(noun.head)) > 1


@per_token
def direct_objects(verb: Token) -> list[Token]:
    """Direct objects, shared across coordinated verbs ("kidnapped and killed two soldiers")."""
    objs = [c for c in children(verb) if c.dep_ in ("dobj", "obj")]
    # "refused to deploy troops and urged its citizens to leave": a verb with its own
    # complement clause does not share the next verb's object.
    complemented = any(c.dep_ in ("xcomp", "ccomp") for c in children(verb))
    if not objs and not complemented:
        for conj in children(verb):
            if conj.dep_ == "conj" and conj.pos_ == "VERB" and conj.i > verb.i:
                objs = [c for c in children(conj) if c.dep_ in ("dobj", "obj")]
                break
    out: list[Token] = []
    for obj in objs:
        out.extend(conjuncts(obj))
    return out


def _stranded_subject(head: Token, prep: Token) -> Token | None:
    """ "granted asylum to five officers holed up in ...": the parser makes the officers the
    subject of the following clause and leaves "to" bare; that subject is the object."""
    for clause in children(head):
        if clause.dep_ in ("advcl", "ccomp", "conj") and clause.i > prep.i:
            for c in children(clause):
                if c.dep_ in ("nsubj", "nsubjpass") and c.left_edge.i == prep.i + 1:
                    return c
    return None


@per_token
def prep_phrases(head: Token) -> list[tuple[str, Token]]:
    """(preposition, object) pairs attached to ``head``; "according to" is never one.

    The small parser often reads "called on Kenya to ..." as a bare "on" plus a direct object;
    such a stranded preposition is paired with the object right after it.
    """
    out: list[tuple[str, Token]] = []
    for child in children(head):
        if child.dep_ in ("prep", "agent") and child.lower_ != "according":
            objects = [g for g in children(child) if g.dep_ in ("pobj", "pcomp")]
            if objects and objects[0].ent_type_ in ("DATE", "TIME"):
                continue  # "on Wednesday" says when, never whom: not "call on"
            if objects:
                out.extend((child.lower_, obj) for obj in conjuncts(objects[0]))
            elif child.dep_ == "prep":
                stranded = next(
                    (c for c in children(head) if c.dep_ in ("dobj", "obj") and c.i > child.i),
                    None,
                ) or _stranded_subject(head, child)
                if stranded is not None and stranded.left_edge.i == child.i + 1:
                    out.extend((child.lower_, obj) for obj in conjuncts(stranded))
        elif child.dep_ == "dative" and child.pos_ in ("PROPN", "NOUN", "PRON"):
            out.append(("to", child))  # "gave Ukraine aid"
        elif child.dep_ == "dative" and child.pos_ == "ADP":
            # "provide support to Palestinian refugees": the parser labels the "to" dative.
            objects = [g for g in children(child) if g.dep_ == "pobj"]
            if objects:
                out.extend((child.lower_, obj) for obj in conjuncts(objects[0]))
    return out


def agent_of(verb: Token) -> Token | None:
    """The by-phrase of a passive ("was criticised by the EU")."""
    for child in children(verb):
        if child.dep_ == "agent":
            for grand in children(child):
                if grand.dep_ == "pobj":
                    return grand
    return None


def clause_head(token: Token) -> Token:
    """The verb heading the clause a token sits in."""
    current = token
    for _ in range(40):
        if current.pos_ in ("VERB", "AUX") or current.dep_ == "ROOT":
            return current
        current = current.head
    return current


# Subordinators of adverbial clauses that background their event against the main one: "X eased
# curbs as Y cracked down", "X will attack unless Y accepts", "X cut ties after Y shot down ...".
SUBORDINATORS = frozenset(
    "as after before while whilst unless because since when whenever once until till although "
    "though whereas if lest".split()
)


# Verbs and nouns of demanding, appealing and proposing: their content clause ("demanded that
# Sudan end curbs", "its demand that Burundi grant rights", "urged Israel to halt strikes") states
# what the speaker wants done, not something that happened.
DIRECTIVES = frozenset(
    "demand urge ask call appeal request insist press plead beg propose suggest recommend order "
    "require want wish petition implore exhort push lobby seek demanding".split()
)


def subordination(token: Token) -> str | None:
    """How the clause holding ``token`` is subordinate to its sentence's main assertion.

    "adverbial" for a finite adverbial clause with a subordinator (as/after/unless/because...),
    "relative" for a relative or participial noun modifier ("a helicopter carrying monitors",
    "the troops who attacked"), "participial" for a free participle ("..., killing five"),
    "complement" for the content clause of a demand or appeal ("demanded that Sudan end curbs",
    "urged Israel to halt strikes": the demand is the event asserted), or None when the token
    sits in the main clause or in a complement of it (reported speech, control: "said Iran
    would attack", "threatened to attack" are the main assertion).
    """
    current = token
    for _ in range(40):
        if current.dep_ == "ROOT" or current.head.i == current.i:
            return None
        dep = current.dep_
        if dep == "advcl":
            marks = {c.lower_ for c in children(current) if c.dep_ == "mark"}
            if marks & SUBORDINATORS:
                return "adverbial"
            if not marks and current.tag_ in ("VBG", "VBN") and _own_subject(current) is None:
                return "participial"
        elif dep == "relcl" or (dep == "acl" and current.tag_ in ("VBG", "VBN")):
            return "relative"
        elif _directive_complement(current):
            return "complement"
        current = current.head
    return None


def _directive_complement(clause: Token) -> bool:
    """A clause stating what a demand or appeal asks for: "demanded that X do Y", "its demand
    that X ease ...", "urged X to do Y" (with X as the object of the directive)."""
    governor = clause.head
    if governor.lemma_.lower() not in DIRECTIVES:
        return False
    if clause.dep_ == "ccomp" and governor.pos_ in ("VERB", "AUX"):
        return True
    if clause.dep_ in ("acl", "ccomp") and governor.pos_ == "NOUN":
        return any(c.dep_ == "mark" and c.lower_ == "that" for c in children(clause)) or any(
            c.dep_ in SUBJ for c in children(clause)
        )
    if clause.dep_ == "xcomp" and governor.pos_ == "VERB":
        return any(c.dep_ in OBJ and c.i < clause.i for c in children(governor))
    return False


def directive_governor(token: Token) -> Token | None:
    """The demand or appeal whose content clause holds ``token`` ("demanded" in "demanded that
    Israel ease curbs"), or None; stops at an adverbial or relative clause boundary."""
    current = token
    for _ in range(40):
        if current.dep_ == "ROOT" or current.head.i == current.i:
            return None
        if current.dep_ in ("advcl", "relcl"):
            return None
        if _directive_complement(current):
            return current.head
        current = current.head
    return None
