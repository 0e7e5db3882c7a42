"""GDELT fidelity: ids that never collide, IsRootEvent from the lead paragraph, URIs, actor
and city geography, and the Mentions table (hand-built stores, no spaCy)."""

from __future__ import annotations

import dataclasses

import pandas as pd
import pytest

from flashpoint.export.gdelt import MENTION_COLUMNS, global_event_id
from flashpoint.export.stored import export_events
from flashpoint.ingest.documents import document_from_text
from flashpoint.records import Location
from flashpoint.store import open_store, write_article
from tests.analysis.corpus import build
from tests.conftest import EXAMPLES
from tests.export.test_gdelt import PUBLISHED
from tests.store.helpers import VERSION, document, event


def read(path):
    return pd.read_csv(path, sep="\t", header=None, names=PUBLISHED, dtype=str,
                       keep_default_na=False)  # fmt: skip


def test_global_ids_are_stable_and_never_gdelt_s(store, tmp_path):
    build(store)
    export_events(store, "gdelt", tmp_path / "a.tsv")
    export_events(store, "gdelt", tmp_path / "b.tsv")
    a, b = read(tmp_path / "a.tsv"), read(tmp_path / "b.tsv")
    assert a["GLOBALEVENTID"].tolist() == b["GLOBALEVENTID"].tolist()
    ids = [int(v) for v in a["GLOBALEVENTID"]]
    assert all(2**62 <= i < 2**63 for i in ids) and len(set(ids)) == len(ids)
    assert global_event_id("store-1", "clusters", 1) != global_event_id("store-2", "clusters", 1)
    assert global_event_id("s", "clusters", 1) != global_event_id("s", "events", 1)


def test_two_stores_with_the_same_rows_get_different_ids(tmp_path):
    ids = []
    for name in ("one.db", "two.db"):
        with open_store(str(tmp_path / name)) as store:
            build(store)
            export_events(store, "gdelt", tmp_path / f"{name}.tsv")
        ids.append(set(read(tmp_path / f"{name}.tsv")["GLOBALEVENTID"]))
    assert not ids[0] & ids[1]


def _lead_event(doc, text: str, sentence: str, index: int, code: str):
    start = text.index(sentence)
    base = event(doc.article.doc_id, source="USAGOV", target="ISRGOV", code=code,
                 sentence=index, plover=None)  # fmt: skip
    evidence = dataclasses.replace(base.evidence, text=sentence, start=start,
                                   end=start + len(sentence))  # fmt: skip
    return dataclasses.replace(base, evidence=evidence)


def test_is_root_event_is_the_lead_paragraph_in_txt_and_html_alike(store, tmp_path):
    lead = "U.S. President Donald Trump privately urged Israeli Prime Minister"
    later = "Trump told Netanyahu that new construction"
    for name in ("diplomacy.txt", "diplomacy.html"):
        raw = (EXAMPLES / name).read_text()
        doc = document_from_text(raw, str(EXAMPLES / name), date="2025-12-29")
        text = doc.article.text
        first = 3 if name.endswith("txt") else 0  # after the headline and byline
        events = [_lead_event(doc, text, lead, first, "0242"),
                  _lead_event(doc, text, later, first + 1, "112")]  # fmt: skip
        write_article(store, doc, events, coder_version=VERSION)
    path = tmp_path / "g.tsv"
    export_events(store, "gdelt", path, unit="events")
    frame = read(path)
    roots = {(row.SOURCEURL, row.EventCode): row.IsRootEvent for row in frame.itertuples()}
    for name in ("diplomacy.txt", "diplomacy.html"):
        uri = (EXAMPLES / name).resolve().as_uri()
        assert (roots[(uri, "0242")], roots[(uri, "112")]) == ("1", "0"), name


def test_actor_geography_city_adm1_and_file_uris(store, tmp_path):
    kharkiv = Location("Kharkiv", "UKR", 49.98, 36.25, 706483, feature="city")
    houston = Location("Houston", "USA", 29.76, -95.36, 4699066, feature="city")
    doc = document("Story.", locator="relative/story.txt")
    events = [
        dataclasses.replace(event(doc.article.doc_id, source="RUSMIL", target="UKRMIL"),
                            location=kharkiv),
        dataclasses.replace(event(doc.article.doc_id, source="IGOUNO", target="USAGOV",
                                  code="042", sentence=1), location=houston),
    ]  # fmt: skip
    events[1] = dataclasses.replace(
        events[1], source=dataclasses.replace(events[1].source, country=None)
    )
    write_article(store, doc, events, coder_version=VERSION)
    path = tmp_path / "g.tsv"
    export_events(store, "gdelt", path)
    frame = read(path).set_index("EventCode")
    attack, visit = frame.loc["190"], frame.loc["042"]
    assert (attack["Actor1Geo_Type"], attack["Actor1Geo_CountryCode"],
            attack["Actor1Geo_FullName"]) == ("1", "RS", "Russia")  # fmt: skip
    assert (attack["Actor2Geo_Type"], attack["Actor2Geo_ADM1Code"]) == ("1", "UP")
    assert attack["Actor2Geo_Lat"] != "" and attack["Actor2Geo_FeatureID"] == "UP"
    assert (attack["ActionGeo_Type"], attack["ActionGeo_ADM1Code"]) == ("4", "UP07")
    assert (visit["ActionGeo_Type"], visit["ActionGeo_ADM1Code"]) == ("3", "USTX")
    assert visit["Actor1Geo_Type"] == "0" and visit["Actor1Geo_FullName"] == ""
    assert attack["SOURCEURL"].startswith("file:///") and attack["SOURCEURL"].endswith(
        "/relative/story.txt"
    )


def test_mentions_table(store, tmp_path):
    build(store)
    events_path, mentions_path = tmp_path / "e.tsv", tmp_path / "m.tsv"
    rows = export_events(store, "gdelt", events_path)
    assert export_events(store, "gdelt-mentions", mentions_path) >= rows
    events = read(events_path)
    mentions = pd.read_csv(mentions_path, sep="\t", header=None, names=list(MENTION_COLUMNS),
                           dtype=str, keep_default_na=False)  # fmt: skip
    assert len(MENTION_COLUMNS) == 16
    assert set(mentions["GLOBALEVENTID"]) == set(events["GLOBALEVENTID"])
    visit_id = events[(events["EventCode"] == "042") & (events["Actor1Code"] == "USAGOV")][
        "GLOBALEVENTID"
    ].iloc[0]
    visit = mentions[mentions["GLOBALEVENTID"] == visit_id]
    # The cluster: three mentions in two articles (sentences 0 and 1 of the first).
    assert len(visit) == 3
    assert sorted(visit["MentionIdentifier"]) == [
        "https://alpha.example/1", "https://alpha.example/1", "https://beta.example/2"
    ]  # fmt: skip
    assert sorted(visit["SentenceID"]) == ["1", "1", "2"]  # 1-based
    assert set(visit["MentionType"]) == {"1"} and set(visit["MentionSourceName"]) == {
        "Alpha", "Beta"
    }  # fmt: skip
    assert set(visit["EventTimeDate"]) == {
        events[events["GLOBALEVENTID"] == visit_id]["DATEADDED"].iloc[0]
    }
    first = visit.iloc[0]
    assert (first["Actor1CharOffset"], first["ActionCharOffset"], first["Confidence"]) == (
        "0", "10", "80"
    )  # fmt: skip
    assert first["MentionDocLen"] == str(len("Article one."))
    un = mentions[mentions["MentionIdentifier"] == "file:///news/six.txt"].iloc[0]
    assert un["MentionType"] == "2" and un["SentenceID"] == "5"


@pytest.mark.parametrize("fmt", ["gdelt", "gdelt-mentions"])
def test_stdout_and_metadata(store, tmp_path, fmt):
    build(store)
    path = tmp_path / "out.tsv"
    export_events(store, fmt, path)
    meta = (tmp_path / "out.tsv.meta.json").read_text()
    assert "GDELT 2.0" in meta and '"negated"' in meta and '"hypothetical"' in meta
