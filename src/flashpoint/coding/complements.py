"""Fold a control verb and its infinitival complement into one CAMEO code.

CAMEO has four parallel families whose sub-codes say *what* is appealed for, promised,
demanded or rejected: 02x APPEAL, 03x EXPRESS INTENT, 10x DEMAND, 12x REJECT; and 13x THREATEN
says what is threatened.  "The US urged Israel to resume talks" is one event, 026 (appeal to
meet or negotiate), not an appeal plus a consultation.  We map the complement's own code to a
*slot* (meet, release, ceasefire ...) and the slot to the family's sub-code.
"""

from __future__ import annotations

__all__ = ["FAMILY_BASES", "family_of", "fold", "slot_for"]

_COOPERATION = {
    "mat": ("021", "031", "101", "121"),
    "econ": ("0211", "0311", "1011", "1211"),
    "mil": ("0212", "0312", "1012", "1212"),
    "jud": ("0213", "0313", "1013", "1213"),
    "intel": ("0214", "0314", "1014", "1214"),
    "dipl": ("022", "032", "102", None),
    "aid": ("023", "033", "103", "122"),
    "aid_econ": ("0231", "0331", "1031", "1221"),
    "aid_mil": ("0232", "0332", "1032", "1222"),
    "aid_hum": ("0233", "0333", "1033", "1223"),
    "aid_pk": ("0234", "0334", "1034", "1224"),
    "reform": ("024", "034", "104", "123"),
    "leader": ("0241", "0341", "1041", "1231"),
    "policy": ("0242", "0342", "1042", "1232"),
    "rights": ("0243", "0343", "1043", "1233"),
    "institutions": ("0244", "0344", "1044", "1234"),
    "yield": ("025", "035", "105", "124"),
    "yield_admin": ("0251", "0351", "1051", "1241"),
    "yield_dissent": ("0252", "0352", "1052", "1242"),
    "yield_release": ("0253", "0353", "1053", "1243"),
    "yield_econ": ("0254", "0354", "1054", "1244"),
    "yield_intl": ("0255", "0355", "1055", "1245"),
    "yield_mil": ("0256", "0356", "1056", "1246"),
    "meet": ("026", "036", "106", "125"),
    "settle": ("027", "037", "107", "127"),
    "mediate": ("028", "039", "108", "126"),
}
_FAMILY_INDEX = {"appeal": 0, "intent": 1, "demand": 2, "reject": 3}

_THREATS = {
    "cut_aid": "1311",
    "sanction": "1312",
    "break_relations": "1313",
    "admin": "132",
    "speech": "1321",
    "ban_party": "1322",
    "curfew": "1323",
    "emergency": "1324",
    "protest": "133",
    "halt_talks": "134",
    "halt_mediation": "135",
    "expel": "136",
    "repress": "137",
    "force": "138",
    "mobilize": "138",
    "blockade": "1381",
    "occupy": "1382",
    "unconventional": "1383",
    "attack": "1384",
}

# Complement code prefix -> slot; the longest matching prefix wins.
_SLOT_PREFIXES = {
    "06": "mat",
    "061": "econ",
    "062": "mil",
    "063": "jud",
    "064": "intel",
    "05": "dipl",
    "057": "settle",
    "07": "aid",
    "071": "aid_econ",
    "072": "aid_mil",
    "073": "aid_hum",
    "074": "aid_pk",
    "075": "aid_hum",
    "04": "meet",
    "045": "mediate",
    "080": "yield",
    "081": "yield_admin",
    "082": "yield_dissent",
    "083": "reform",
    "0831": "leader",
    "0832": "policy",
    "0833": "rights",
    "0834": "institutions",
    "084": "yield_release",
    "085": "yield_econ",
    "086": "yield_intl",
    "087": "yield_mil",
    # conflict complements, used by THREATEN (and by promises to use force)
    "161": "break_relations",
    "162": "cut_aid",
    "163": "sanction",
    "164": "halt_talks",
    "165": "halt_mediation",
    "166": "expel",
    "172": "admin",
    "1721": "speech",
    "1722": "ban_party",
    "1723": "curfew",
    "1724": "emergency",
    "173": "admin",
    "174": "expel",
    "175": "repress",
    "14": "protest",
    "15": "mobilize",
    "18": "force",
    "19": "force",
    "190": "attack",
    "195": "attack",
    "191": "blockade",
    "192": "occupy",
    "20": "unconventional",
}
for _family_codes in _COOPERATION.items():
    for _code in _family_codes[1]:
        if _code:
            _SLOT_PREFIXES.setdefault(_code, _family_codes[0])
_SLOT_PREFIXES.update({"038": "mediate", "039": "mediate"})

CONFLICT_SLOTS = frozenset(_THREATS)
_NON_THREATS = {"mobilize", "protest"}
FAMILY_BASES = {
    "020": "appeal",
    "030": "intent",
    "100": "demand",
    "120": "reject",
    "130": "threaten",
    "131": "threaten",
}


def family_of(code: str) -> str | None:
    """The family whose sub-code a complement can refine, for a base code like 020 or 130."""
    return FAMILY_BASES.get(code)


def slot_for(code: str) -> str | None:
    for length in (4, 3, 2):
        slot = _SLOT_PREFIXES.get(code[:length])
        if slot and len(code) >= length:
            return slot
    return None


def fold(family: str, complement_code: str | None, slot: str | None = None) -> str | None:
    """The family sub-code for a complement, or None when the family has no such slot."""
    slot = slot or (slot_for(complement_code) if complement_code else None)
    if slot is None:
        return None
    if slot in CONFLICT_SLOTS:
        # Promising or vowing violence is a threat ("vowed to retaliate" -> 138).
        # Promised exercises or protests are not threats ("agreed to hold joint exercises").
        if family == "threaten" or (family == "intent" and slot not in _NON_THREATS):
            return _THREATS[slot]
        return None
    if family == "threaten":
        return None
    codes = _COOPERATION.get(slot)
    return codes[_FAMILY_INDEX[family]] if codes else None
