"""PETRARCH validation records: reading and triple scoring."""

from __future__ import annotations

import pytest

from flashpoint.errors import GoldFormatError
from flashpoint.evaluation.metrics import Score
from flashpoint.evaluation.records import read_records

RECORDS = """<Validation><Sentences>
<Sentence date="20050601" id="A-1" category="X" sentence="true">
<!-- a comment -->
<EventCoding sourcecode="VEL" targetcode="QRN" eventcode="042"></EventCoding>
<EventCoding sourcecode="QRN" targetcode="VEL" eventcode="043"></EventCoding>
<Text>
Veloria visited
   Quarn.
</Text>
<Parse>(ROOT (S ...))</Parse>
</Sentence>
<Sentence date="20050602" id="A-2"><EventCoding noevents="True"/><Text>Nothing.</Text></Sentence>
</Sentences></Validation>
"""


def test_records_with_several_and_no_events(tmp_path):
    path = tmp_path / "r.xml"
    path.write_text(RECORDS)
    first, second = read_records(path)
    assert (first.id, first.date, first.text) == ("A-1", "2005-06-01", "Veloria visited Quarn.")
    assert first.triples == {("VEL", "QRN", "042"), ("QRN", "VEL", "043")}
    assert second.triples == set()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "<Validation><Sentence date='2005'><Text>x</Text></Sentence></Validation>",
            "is not YYYYMMDD",
        ),
        (
            "<Validation><Sentence><EventCoding sourcecode='A'/><Text>x</Text></Sentence>"
            "</Validation>",
            "needs sourcecode, targetcode and eventcode",
        ),
        ("<Validation><Sentence></Sentence></Validation>", "no <Text>"),
        ("<Validation>\n<Sentence>\n</Validation>", "r.xml:3: not well-formed XML"),
        ("<Validation></Validation>", "no <Sentence> records"),
    ],
)
def test_malformed_records_are_gold_format_errors(tmp_path, text, message):
    path = tmp_path / "r.xml"
    path.write_text(text)
    with pytest.raises(GoldFormatError, match=message):
        read_records(path)


def test_triples_score_micro_precision_and_recall():
    score = Score()
    score.add({"VEL|QRN|042", "VEL|QRN|051"}, {"VEL|QRN|042", "QRN|VEL|043"})
    assert (score.tp, score.fp, score.fn) == (1, 1, 1)
