"""PETRARCH actor dictionaries: records, synonyms, dated codes and errors with lines."""

import datetime as dt

import pytest

from flashpoint.dictionaries.actors import parse_actors, parse_day

TEXT = """\
# a comment line
<!-- an XML comment
     over two lines -->
AFGHANISTAN_  [AFG]
+AFGHAN_
+KABUL_   ; a TABARI comment

AHMED_ZIA_MASSOUD_
\t[AFGGOV 20041207-20091119]
\t[AFGELI]
HAMID_KARZAI_  # CountryInfo.txt
+KARZAI_
\t[AFGELI 750101-000101]
\t[AFGGOV >011222]
KOFI_ANNAN_\t[IGOUNO 970101-061231] [ELI]
RULER_\t[AFGGOV <19991231]
NOBODY_
"""


def entries():
    found, problems = parse_actors(TEXT, "test.actors.txt")
    return {e.primary: e for e in found}, problems


def test_records_synonyms_and_lines():
    found, problems = entries()
    assert [p for p in problems if p.error] == []
    afg = found["AFGHANISTAN_"]
    assert [p for p, _ in afg.phrases] == ["AFGHANISTAN_", "AFGHAN_", "KABUL_"]
    assert afg.line == 4 and afg.origin == "test.actors.txt:4"
    assert found["AHMED_ZIA_MASSOUD_"].name == "Ahmed Zia Massoud"


def test_the_code_in_force_on_a_day():
    found, _ = entries()
    massoud = found["AHMED_ZIA_MASSOUD_"]
    assert massoud.code_on(dt.date(2005, 6, 1)).code == "AFGGOV"
    assert massoud.code_on(dt.date(2005, 6, 1)).line == 9
    assert massoud.code_on(dt.date(2009, 11, 19)).code == "AFGGOV"  # bounds are inclusive
    assert massoud.code_on(dt.date(2010, 1, 1)).code == "AFGELI"  # the undated fallback
    karzai = found["HAMID_KARZAI_"]
    assert karzai.code_on(dt.date(2001, 12, 22)).code == "AFGGOV"  # >date includes the day
    assert karzai.code_on(dt.date(1980, 1, 1)).code == "AFGELI"  # YY > 30 is 19YY
    assert karzai.code_on(dt.date(2001, 6, 1)) is None  # no role, no fallback: no code
    assert found["RULER_"].code_on(dt.date(1999, 12, 31)).code == "AFGGOV"
    assert found["RULER_"].code_on(dt.date(2000, 1, 1)) is None
    # several codes after a phrase on its own line
    annan = found["KOFI_ANNAN_"]
    assert annan.code_on(dt.date(2000, 1, 1)).code == "IGOUNO"
    assert annan.code_on(dt.date(2010, 1, 1)).code == "ELI"
    # without a date: the fallback, else the latest dated code
    assert annan.code_on(None).code == "ELI"
    assert karzai.code_on(None).code == "AFGGOV"


def test_an_entry_without_a_code_is_a_note_not_dropped():
    found, problems = entries()
    assert "NOBODY_" in found
    notes = [p for p in problems if not p.error]
    assert [(n.line, n.error) for n in notes] == [(17, False)]
    assert "no code" in notes[0].message


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("\t[KORGOVBUS 2004017-20061201]", "bad date '2004017'"),
        ("\t[USAGOV 20100231]", "want <DATE, >DATE or DATE-DATE"),
        ("\t[USAGOV >20100231]", "no such day"),
        ("\t[NGOEEURENV]", "bad actor code 'NGOEEURENV'"),
        ("\t[EGYGOV 20121207-20120802]", "ends before it starts"),
        ("+FAEROYENE]_", "unbalanced"),
    ],
)
def test_malformed_lines_are_errors_with_their_line(line, message):
    _, problems = parse_actors(f"SOMEONE_\n{line}\n", "bad.actors.txt")
    errors = [p for p in problems if p.error]
    assert len(errors) == 1
    assert errors[0].line == 2 and message in errors[0].message
    assert str(errors[0]).startswith("bad.actors.txt:2: ")


def test_a_blank_after_the_comparison_sign_is_read():
    found, problems = parse_actors("X_\n\t[EGYGOV > 140608]\n", "x.txt")
    assert problems == []
    assert found[0].code_on(dt.date(2014, 6, 8)).code == "EGYGOV"


def test_dates_yymmdd_and_yyyymmdd():
    assert parse_day("090120") == dt.date(2009, 1, 20)
    assert parse_day("310101") == dt.date(1931, 1, 1)
    assert parse_day("19270101") == dt.date(1927, 1, 1)
    with pytest.raises(ValueError, match="YYYYMMDD"):
        parse_day("2004017")
