"""PETRARCH verb dictionaries: reading, and translation into flashpoint's lexicon."""

from flashpoint.dictionaries.verbs import PairedCode, parse_verbs, translate_verbs

TEXT = """\
&CURRENCY
+DOLLAR
+KRONER_

&AUX_
+WILL

&MILITARY
+ARMY

--- ASK [---] ---
ASK [020]
REQUEST
+ASK_FOR {+ASKED_FOR +ASKING_FOR} [020]
- * EXTRADITION [0213]
- * (FOR {FINANCIAL AID}) [0231]
- * &CURRENCY [0231]
- * SANCTIONS [163]
- * (TO +) [042:043]
- * SUMMIT (IN ^) [046]
- &MILITARY * [154]
- &MILITARY * AID [070]
- * PROTESTS (FROM $) [110]
- * (AT BORDER) (WITH POLICE) [152]
- WILL NOT * (TOWARDS +) [030]
- * FORWARD [---]
- * (BEFORE COURT) [:173]
~ a (a b ATTACK) SAY = a b 015

--- BEEF [---] ---
+BEEF_UP [150]
WIRE_+TAP [1712]
- * DEFENSES [154]
"""


def translated():
    verbs, problems = parse_verbs(TEXT, "test.verbs.txt")
    assert problems == []
    return verbs, translate_verbs(verbs)


def rows(translation, lemma):
    return {
        (p.particle, p.obj, p.prep, p.prep_obj): (p.code, p.origin)
        for p in translation.patterns
        if p.lemma == lemma
    }


def test_blocks_verbs_and_synonym_sets():
    verbs, translation = translated()
    assert [b.name for b in verbs.blocks] == ["ASK", "BEEF"]
    assert translation.classes["@&CURRENCY"] == {"dollar", "kroner"}
    assert verbs.synsets["&AUX"][2]  # a label ending in _ makes no plurals
    ask = rows(translation, "ask")
    assert ask[("", "", "", "")] == ("020", "test.verbs.txt:12")
    assert ask[("", "", "for", "")] == ("020", "test.verbs.txt:14")  # +ASK_FOR
    assert ("", "", "", "") not in rows(translation, "request")  # the block code is ---


def test_patterns_become_dependency_rows_for_every_verb_of_the_block():
    _, translation = translated()
    for lemma in ("ask", "request"):
        found = rows(translation, lemma)
        assert found[("", "extradition", "", "")] == ("0213", "test.verbs.txt:15")
        assert found[("", "", "for", "financial aid")][0] == "0231"
        assert found[("", "@&CURRENCY", "", "")][0] == "0231"
        assert found[("", "sanction", "", "")][0] == "163"  # nouns are matched as lemmas
        assert found[("", "summit", "in", "*")][0] == "046"  # ^: any object, no target
        assert found[("", "", "to", "")][0] == "042"  # (TO +): the phrase names the target
        assert found[("", "aid", "", "")][0] == "070"  # the subject words are dropped
        assert found[("", "", "at", "border")][0] == "152"  # the first phrase is kept


def test_paired_codes_are_kept_for_the_reverse_event():
    _, translation = translated()
    assert translation.paired["test.verbs.txt:19"] == PairedCode("042", "043")
    assert translation.paired["test.verbs.txt:27"] == PairedCode(None, "173")
    assert rows(translation, "ask")[("", "", "before", "court")][0] == "173"


def test_what_has_no_dependency_equivalent_is_a_note_with_its_line():
    _, translation = translated()
    notes = {n.line: n.message for n in translation.notes}
    assert not any(n.error for n in translation.notes)
    assert "constrain the subject" in notes[21] and notes[21].startswith("not translated")
    assert notes[22].startswith("approximated") and "subject" in notes[22]
    assert "source in a prepositional phrase" in notes[23]
    assert "(with police) not matched" in notes[24]
    assert "negation" in notes[25]
    assert "null code" in notes[26]
    assert "transformation" in notes[28]
    assert "WIRE" in notes[32]
    # nothing untranslatable became a row
    assert all(
        p.origin not in {f"test.verbs.txt:{n}" for n in (21, 23, 25, 26)}
        for p in translation.patterns
    )


def test_multi_word_verbs():
    _, translation = translated()
    assert rows(translation, "beef")[("up", "", "", "")][0] == "150"
    assert rows(translation, "beef")[("up", "defense", "", "")][0] == "154"
    assert rows(translation, "tap")[("", "", "", "")][0] == "1712"


def test_errors_name_file_and_line():
    text = "- * AID [070]\n--- X [999] ---\nX\n- * &NOPE [010]\n- * AID\n"
    _, problems = parse_verbs(text, "bad.verbs.txt")
    assert [(p.line, p.error) for p in problems] == [(1, True), (2, True), (5, True), (4, True)]
    messages = [p.message for p in problems]
    assert "before any --- verb block" in messages[0]
    assert "unknown CAMEO event code '999'" in messages[1]
    assert "no [CODE]" in messages[2]
    assert "&NOPE is not defined" in messages[3]
