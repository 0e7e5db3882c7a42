"""Phrase units: how dictionary phrases and text are compared."""

from flashpoint.dictionaries.phrases import PhraseIndex, phrase_units, plurals, units


def test_units_ignore_case_accents_and_punctuation():
    assert units("Ban Ki-moon") == ("ban", "ki", "moon")
    assert phrase_units("BAN_KI-MOON")[0] == ("ban", "ki", "moon")
    assert units("U.N.") == phrase_units("U.N._")[0] == ("u", "n")
    assert units("Côte d'Ivoire") == ("cote", "d", "ivoire")
    assert phrase_units("СССР") == (("ссср",), False)
    assert phrase_units("KARZAI_") == (("karzai",), True)


def test_plurals():
    assert plurals("party") == ("parties", "partys")
    assert plurals("boss") == ("bosses",)
    assert plurals("hostage") == ("hostages",)


def test_index_finds_the_longest_phrase_at_word_boundaries():
    index: PhraseIndex[str] = PhraseIndex()
    index.add(("ban", "ki", "moon"), "ban")
    index.add(("ban",), "short")
    index.add_forms(("hostage",), False, "h")
    words = ["mr", "ban", "ki", "moon", "met", "hostages"]
    assert list(index.find(words, range(len(words)))) == [(1, 4, "ban"), (5, 6, "h")]
    # a phrase may not end inside a word (the units of one token)
    assert list(index.find(words, [1], ends={2, 3})) == [(1, 2, "short")]
