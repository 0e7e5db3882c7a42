"""``flashpoint_headline_verbs``: re-parse a headline whose verb was read as a plural noun.

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

from lemminflect import getAllInflections
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

__all__ = ["HeadlineVerbs", "headline_lines", "present_verb_candidates"]

NAME = "flashpoint_headline_verbs"
# Longer lines are sentences that lost their full stop, not headlines.
MAX_HEADLINE_TOKENS = 30
_FINITE_TAGS = frozenset({"VBZ", "VBP", "VBD", "MD"})
_ATTRS = [TAG, POS, MORPH, LEMMA, HEAD, DEP]
_PRESENT_THIRD_PERSON = "Number=Sing|Person=3|Tense=Pres|VerbForm=Fin"


def headline_lines(doc: Doc) -> list[Span]:
    """Sentences that make up a whole line and look like a headline (no closing punctuation)."""
    found = []
    for sent in doc.sents:
        words = [t for t in sent if not t.is_space]
        if not words or len(words) > MAX_HEADLINE_TOKENS:
            continue
        if words[-1].text in {".", "!", "?", ":", ";"} or words[-1].text.endswith("."):
            continue
        before = doc[sent.start - 1] if sent.start > 0 else None
        after = doc[sent.end] if sent.end < len(doc) else None
        last = sent[-1]
        opens_line = before is None or (before.is_space and "\n" in before.text)
        closes_line = (
            after is None
            or "\n" in last.text_with_ws
            or (after.is_space and "\n" in after.text)
            or "\n" in last.whitespace_
        )
        if opens_line and closes_line:
            found.append(doc[words[0].i : words[-1].i + 1])
    return found


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
    # Only the inflection table is loaded (the lemma table would cost another ~30 MB): the
    # verb's base form is the word less -s, -es, or -ies plus y.
    bases = {token.lemma_.lower(), word[:-1], word[:-2], word[:-3] + "y"}
    for base in sorted(bases):
        forms = getAllInflections(base, "VERB")
        if word in forms.get("VBZ", ()) and forms.get("VBD"):
            return forms["VBD"][0]
    return None


class HeadlineVerbs:
    """Re-parses verbless headline lines with the pipeline's own components (see module)."""

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
            if _has_clause(line):
                continue
            for index, past in present_verb_candidates(line):
                if self._reparse(doc, line, index, past):
                    break
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 256) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)

    def _reparse(self, doc: Doc, line: Span, index: int, past: str) -> bool:
        words = [t.text for t in line]
        words[index - line.start] = past
        spaces = [bool(t.whitespace_) for t in line]
        spaces[-1] = False
        variant = Doc(doc.vocab, words=words, spaces=spaces)
        for proc in self._components_before():
            variant = proc(variant)
        verb = variant[index - line.start]
        subject_before = any(
            c.dep_ in {"nsubj", "nsubjpass"} and c.i < verb.i for c in verb.children
        )
        if verb.pos_ != "VERB" or verb.dep_ != "ROOT" or not subject_before:
            return False
        rows = doc.to_array(_ATTRS)
        new = variant.to_array(_ATTRS)
        # HEAD is stored relative to the token, so the line's rows move over unchanged.
        rows[line.start : line.end] = new
        doc.from_array(_ATTRS, rows)
        # The article says "withdraws": keep its tense, which modality and dating read.
        doc[index].tag_ = "VBZ"
        doc[index].set_morph(_PRESENT_THIRD_PERSON)
        return True


@Language.factory(NAME)
def make_headline_verbs(nlp: Language, name: str) -> HeadlineVerbs:
    return HeadlineVerbs(nlp, name)
