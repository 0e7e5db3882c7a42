"""PETRARCH discard lists: sentence and story discards, stems and exact words."""

from flashpoint.dictionaries.discards import Discards, parse_discards

TEXT = """\
BASEBALL          # a stem: baseballers too
WORLD CUP_        # exact: not "World Cupboard"
+ACADEMY AWARD    # the whole story
"""


def discards():
    entries, problems = parse_discards(TEXT, "test.discards.txt")
    assert problems == []
    return Discards(entries)


def test_stems_exact_words_and_case():
    found = discards()
    [(start, end, entry)] = found.matches("Two Baseballers met.")
    assert (start, end, entry.line, entry.story) == (4, 15, 1, False)
    assert found.matches("the world cup final")[0][2].line == 2
    assert found.matches("the World Cupboard") == []
    assert found.matches("a fastbaseball") == []  # a phrase starts a word


def test_story_discards_are_marked():
    [(_, _, entry)] = discards().matches("She won an Academy Award.")
    assert entry.story and entry.origin == "test.discards.txt:3"
