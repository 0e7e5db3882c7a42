"""``flashpoint_headline_verbs``: re-parse headlines the pipeline misreads.

Two misreadings, both repaired by parsing a changed copy of the line and keeping its analysis
on the article's own tokens: a title-case headline ("Humanitarian Assistance for Afghanistan")
is read as one long name, so it is parsed in sentence case (``sentence_cased``); and a
present-tense verb is read as a plural noun, as follows.

Headlines drop articles and auxiliaries and put the verb in the present: "Thai party withdraws
nomination of princess", "Cairo summit denounces maritime border agreement".  The small English
pipeline, trained mostly on running text, reads such an -s verb as a plural noun and the whole
headline as one noun phrase ("party withdraws nomination" as a compound), so no clause and no
event is found in the one sentence that states the story's main act.

A past-tense form is never a plural noun, and the same pipeline parses "Thai party withdrew
nomination of princess" correctly.  So for a headline-like line with no verb of its own we swap
a word that is both a plural noun and the -s form of a known verb (lemminflect's inflection
dictionary, not its guessing rules) for that verb's past form, run the preceding components on
the changed words, and keep the new analysis only if the swapped word became the clause's verb
with a subject before it.  The text, offsets, entities and the word's own present-tense tag
stay those of the original: only the part-of-speech, lemma and dependency columns of that line
are replaced, so evidence still points at what the article says.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from lemminflect import getAllInflections, getAllLemmas
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ...ingest.boilerplate import is_boilerplate_line

__all__ = [
    "HeadlineVerbs",
    "as_headline",
    "headline_lines",
    "present_verb_candidates",
    "sentence_cased",
]

NAME = "flashpoint_headline_verbs"
# Longer lines are sentences that lost their full stop, not headlines.
MAX_HEADLINE_TOKENS = 30
_FINITE_TAGS = frozenset({"VBZ", "VBP", "VBD", "MD"})
_ATTRS = [TAG, POS, MORPH, LEMMA, HEAD, DEP]
_PRESENT_THIRD_PERSON = "Number=Sing|Person=3|Tense=Pres|VerbForm=Fin"
_PLACE_ENTITIES = frozenset({"GPE", "LOC", "NORP"})


def headline_lines(doc: Doc) -> list[Span]:
    """Sentences that make up a whole line and look like a headline (see as_headline)."""
    return [line for sent in doc.sents if (line := as_headline(sent)) is not None]


def as_headline(sent: Span) -> Span | None:
    """The sentence's words when it is a whole line without closing punctuation, else None;
    bylines and credits ("Reporting by ... in Nairobi; Editing by ...") are no headlines."""
    doc = sent.doc
    words = [t for t in sent if not t.is_space]
    if not words or len(words) > MAX_HEADLINE_TOKENS:
        return None
    if words[-1].text in {".", "!", "?", ":", ";"} or words[-1].text.endswith("."):
        return None
    before = doc[sent.start - 1] if sent.start > 0 else None
    after = doc[sent.end] if sent.end < len(doc) else None
    opens_line = before is None or (before.is_space and "\n" in before.text)
    closes_line = (
        after is None or "\n" in sent[-1].text_with_ws or (after.is_space and "\n" in after.text)
    )
    if not (opens_line and closes_line):
        return None
    line = doc[words[0].i : words[-1].i + 1]
    return None if is_boilerplate_line(line.text) else line


def present_verb_candidates(line: Span) -> list[tuple[int, str]]:
    """(index, past form) of words read as nouns that are also a verb's -s form.

    The word must follow a possible subject, so a line's first word is never one.
    """
    found = []
    for token in line[1:]:
        if token.tag_ not in {"NNS", "NNPS"} or not token.lower_.endswith("s"):
            continue
        if token.nbor(-1).pos_ not in {"NOUN", "PROPN", "PRON", "NUM"}:
            continue
        past = _past_of_present(token)
        if past is None:
            continue
        if token.text[0].isupper():
            past = past[0].upper() + past[1:]
        found.append((token.i, past))
    return found


def sentence_cased(line: Span) -> list[str] | None:
    """The line's words in sentence case when it is written in title case, else None.

    "Humanitarian Assistance for Afghanistan" is tagged as a name throughout, so its act is
    never found.  A capitalised word that English has as an ordinary word (lemminflect's
    dictionary) or a function word is lowercased, the first one too (the tagger reads a lone
    capitalised "Bombing" as a name), unless it is part of a place or nationality
    the recognizer found ("United States", "Bosnian"); names it does not know keep their
    capitals ("Ratko Mladic"), as do acronyms.
    """
    # Title case capitalises ordinary words; a byline or credit line ("By Maya Levin",
    # "Reporting by ... in Jerusalem") capitalises only its names.
    content = [t for t in line[1:] if t.is_alpha and len(t) > 3 and _ordinary(t)]
    capitalised = [t for t in content if t.text[0].isupper()]
    if len(capitalised) < 2 or len(capitalised) < 0.75 * len(content):
        return None
    words = []
    for token in line:
        text = token.text
        if (
            text[:1].isupper()
            and not text.isupper()
            and (token.is_stop or _ordinary(token))
            and token.ent_type_ not in _PLACE_ENTITIES
        ):
            text = text.lower()
        words.append(text)
    return words


def _ordinary(token: Token) -> bool:
    """Whether English has the word as an ordinary (not proper) word."""
    return bool(getAllLemmas(token.lower_))


def _has_clause(line: Span) -> bool:
    """Whether the parser already found a verb of the line's own ("At least twelve die in
    Mogadishu attacks"): a finite form, or a bare one that is not an infinitive ("signs decree
    to ban face veils" has none)."""
    for token in line:
        if token.tag_ in _FINITE_TAGS or token.pos_ == "AUX":
            return True
        if token.tag_ == "VB" and not any(c.tag_ == "TO" for c in token.children):
            return True
    return line.root.pos_ == "VERB"


def _past_of_present(token: Token) -> str | None:
    """The past form of the verb whose -s form the word is, if its dictionary has one."""
    word = token.lower_
    for base in getAllLemmas(word, "VERB").get("VERB", ()):
        forms = getAllInflections(base, "VERB")
        if word in forms.get("VBZ", ()) and forms.get("VBD"):
            return forms["VBD"][0]
    return None


class HeadlineVerbs:
    """Re-parses headline lines with the pipeline's own components (see module)."""

    def __init__(self, nlp: Language, name: str = NAME):
        self.nlp = nlp
        self.name = name

    def _components_before(self) -> list:
        procs = []
        for name, proc in self.nlp.pipeline:
            if name == self.name:
                break
            procs.append(proc)
        return procs

    def __call__(self, doc: Doc) -> Doc:
        for line in headline_lines(doc):
            words = sentence_cased(line)
            if words is not None:
                self._adopt(doc, line, self._parse(line, words))
            if _has_clause(line):
                continue
            words = words or [t.text for t in line]
            for index, past in present_verb_candidates(line):
                variant_words = list(words)
                variant_words[index - line.start] = past
                variant = self._parse(line, variant_words)
                verb = variant[index - line.start]
                subject_before = any(
                    c.dep_ in {"nsubj", "nsubjpass"} and c.i < verb.i for c in verb.children
                )
                if verb.pos_ == "VERB" and verb.dep_ == "ROOT" and subject_before:
                    self._adopt(doc, line, variant)
                    # The article says "withdraws": keep its tense, which modality and dating
                    # read.
                    doc[index].tag_ = "VBZ"
                    doc[index].set_morph(_PRESENT_THIRD_PERSON)
                    break
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 256) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)

    def _parse(self, line: Span, words: list[str]) -> Doc:
        spaces = [bool(t.whitespace_) for t in line]
        spaces[-1] = False
        variant = Doc(line.doc.vocab, words=words, spaces=spaces)
        for proc in self._components_before():
            variant = proc(variant)
        return variant

    @staticmethod
    def _adopt(doc: Doc, line: Span, variant: Doc) -> None:
        """The variant's tags, lemmas and dependencies on the line's own tokens."""
        rows = doc.to_array(_ATTRS)
        # HEAD is stored relative to the token, so the line's rows move over unchanged.
        rows[line.start : line.end] = variant.to_array(_ATTRS)
        doc.from_array(_ATTRS, rows)


@Language.factory(NAME)
def make_headline_verbs(nlp: Language, name: str) -> HeadlineVerbs:
    return HeadlineVerbs(nlp, name)
