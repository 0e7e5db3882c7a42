"""PETRARCH agent dictionaries: plurals, substitution sets, code position."""

from flashpoint.dictionaries.agents import parse_agents

TEXT = """\
!PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON
CONGRESS!PERSON! [~LEG]
ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOVATG]
POLICE {} [~COP]
MINISTRY [~GOV]
HUMAN_RIGHTS_BODY  [NGO~]
DEPARMENT_OF_ENVIRONMENT [~ENV}
"""


def agents():
    found, problems = parse_agents(TEXT, "test.agents.txt")
    return {a.phrase: a for a in found}, problems


def test_forms_plurals_and_markers():
    found, problems = agents()
    assert [p for p in problems if p.error] == []
    assert ("congresswoman",) in found["CONGRESS!PERSON!"].forms
    assert ("congresswomans",) not in found["CONGRESS!PERSON!"].forms  # no plurals of a set
    assert found["ATTORNEY_GENERAL"].forms == (("attorney", "general"), ("attorneys", "general"))
    assert found["POLICE"].forms == (("police",),)  # {} nulls the plural
    assert ("ministries",) in found["MINISTRY"].forms


def test_code_position_and_combination():
    found, _ = agents()
    minister, body = found["MINISTRY"], found["HUMAN_RIGHTS_BODY"]
    assert (minister.code, minister.prefix) == ("GOV", False)
    assert minister.combine("ISR") == "ISRGOV"
    assert minister.combine("ISRGOV") == "ISRGOV"  # never twice
    assert (body.code, body.prefix) == ("NGO", True)
    assert body.combine("QRN") == "NGOQRN"
    assert found["ATTORNEY_GENERAL"].combine("USA") == "USAGOVATG"


def test_a_brace_closing_the_code_is_a_note():
    found, problems = agents()
    assert found["DEPARMENT_OF_ENVIRONMENT"].code == "ENV"
    assert [(p.line, p.error) for p in problems] == [(7, False)]


def test_errors_name_the_line():
    _, problems = parse_agents("ISLAMIC_EXTREMIST\nX!NOPE! [~GOV]\nY [GOV]\n", "a.txt")
    assert [(p.line, p.error) for p in problems] == [(1, True), (2, True), (3, True)]
    assert "no agent code" in problems[0].message
    assert "!NOPE! is not defined" in problems[1].message
    assert "needs one ~" in problems[2].message
