from flashpoint.coding.candidates.complements import fold, slot_for


def test_appeal_to_negotiate():
    assert fold("appeal", "046") == "026"


def test_intent_to_release():
    assert fold("intent", "0841") == "0353"


def test_demand_ceasefire_is_deescalation():
    assert fold("demand", "0871") == "1056"


def test_reject_mediation():
    assert fold("reject", None, "mediate") == "126"


def test_vow_to_attack_is_a_threat():
    assert fold("intent", "190") == "1384"
    assert fold("threaten", "163") == "1312"


def test_appeal_has_no_violent_slot():
    assert fold("appeal", "190") is None


def test_slots_use_longest_prefix():
    assert slot_for("0831") == "leader"
    assert slot_for("083") == "reform"
    assert slot_for("0234") == "aid_pk"
