import pytest

from flashpoint.coding.cameo import cameo_table, phoenix_quad
from flashpoint.coding.candidates.lexicon import load_lexicon
from flashpoint.errors import DataFileError


def test_cameo_table_is_complete():
    table = cameo_table()
    assert len(table) == 317
    assert table["0242"].name == "Appeal for policy change"
    assert table["190"].quad_class == 4 and table["190"].plover_event == "ASSAULT"
    assert table["0871"].plover_mode == "ceasefire"
    assert table["020"].plover_event is None  # dropped in PLOVER
    assert phoenix_quad("020") == 0 and phoenix_quad("163") == 3


def test_builtin_lexicon_covers_all_roots_at_scale():
    lexicon = load_lexicon()
    assert lexicon.size > 2500
    codes = {p.code for ps in lexicon._by_key.values() for p in ps if p.code != "-"}
    assert {c[:2] for c in codes} == {f"{r:02d}" for r in range(1, 21)}
    subcodes = [e.code for e in cameo_table() if len(e.code) > 2]
    assert sum(c in codes for c in subcodes) / len(subcodes) > 0.9


def test_most_specific_pattern_wins():
    lexicon = load_lexicon()
    general = lexicon.match("V", "impose")
    specific = lexicon.match("V", "impose", objects=["sanction"])
    assert specific.pattern.code.startswith("163")
    assert general is None or general.pattern.code != specific.pattern.code


def test_particle_is_required_when_present():
    lexicon = load_lexicon()
    match = lexicon.match("V", "call", particle="off", objects=["talk"])
    assert match is None or match.pattern.particle == "off"


def test_user_lexicon_extends_without_code(tmp_path):
    extra = tmp_path / "mine.tsv"
    extra.write_text(
        "code\tpos\tlemma\tparticle\tobject\tprep\tprep_object\tnote\n"
        "163\tV\tslap\t\t@PENALTY\ton\t\t\n"
        "@PENALTY\ttariff\n"
    )
    lexicon = load_lexicon((str(extra),))
    match = lexicon.match("V", "slap", objects=["tariff"], preps=[("on", "china")])
    assert match.pattern.code == "163" and match.prep_index == 0
    assert lexicon.name.endswith("+mine.tsv")


def test_bad_user_lexicon_names_file_and_line(tmp_path):
    extra = tmp_path / "bad.tsv"
    extra.write_text("code\tpos\tlemma\n999\tV\tfoo\n")
    with pytest.raises(DataFileError, match=r"bad.tsv:2: unknown CAMEO code '999'"):
        load_lexicon((str(extra),))


@pytest.mark.slow
def test_speaking_to_the_press_is_no_consultation(code):
    assert [e for e in code("The Kenyan minister spoke to reporters in Nairobi on Monday.")] == []
    assert [e for e in code("Prime Minister Ruto was speaking to the press in Nairobi.")] == []
    consult = code("The Kenyan foreign minister spoke with his Ugandan counterpart on Monday.")
    assert [e.cameo.root for e in consult][:1] == ["04"]
