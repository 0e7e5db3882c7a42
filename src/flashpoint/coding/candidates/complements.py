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
    "intel": ("0214", "0314", "1014", "121"),  # CAMEO has no 1214
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
    "014": "consider",
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
    if family == "consider":
        # "is considering sending aid": weighing an act is CAMEO 014 whatever the act.
        return "014"
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


# --- Content of a complement -------------------------------------------------------------
#
# Many complements are not events our lexicon codes ("asked for immediate delivery of aid",
# "urged the community to help save civilians threatened with starvation", "requested to lease
# a military training ground").  Their *content* still says which slot of the family is meant.
# Content words are grouped in classes (data/classes.tsv) read along two dimensions, the same
# way CAMEO's sub-codes are built: a *kind* (aid is given, a concession is made) and a
# *domain* (humanitarian, military, sanctions ...).  The kind combines with the domain
# ("lift" + "embargo" -> easing of economic sanctions); a domain word alone names its own
# slot ("free trade" -> economic cooperation, "human rights" -> rights).

# class -> domain, most specific classes first (a word in two classes takes the first).
CONTENT_DOMAINS: tuple[tuple[str, str], ...] = (
    ("@PEACEKEEPER", "pk"),
    ("@C_PROTECTION", "pk"),
    ("@HUMAID", "hum"),
    ("@C_HUMANITARIAN", "hum"),
    ("@ECONAID", "econaid"),
    ("@MILAID", "mil"),
    ("@MILCOOP", "mil"),
    ("@C_MILITARY", "mil"),
    ("@ECONCOOP", "econ"),
    ("@C_ECONOMIC", "econ"),
    ("@JUDCOOP", "jud"),
    ("@C_JUDICIAL", "jud"),
    ("@INTEL", "intel"),
    ("@C_INTEL", "intel"),
    ("@COOP", "coop"),
    ("@CEASEFIRE", "ceasefire"),
    ("@SANCTION", "sanction"),
    ("@C_SANCTION", "sanction"),
    ("@CURFEW", "admin"),
    ("@RESTRICTION", "admin"),
    ("@BAN", "admin"),
    ("@C_ADMIN", "admin"),
    ("@MEDIA", "admin"),
    ("@C_DISSENT", "dissent"),
    ("@PROTEST", "dissent"),
    ("@RELEASE", "release"),
    ("@DETAINEE", "detainee"),
    ("@INSPECTOR", "intl"),
    ("@ACCESS", "intl"),
    ("@C_INTL", "intl"),
    ("@C_TERROR", "unconventional"),
    ("@C_VIOLENCE", "violence"),
    ("@AGGRESSION", "violence"),
    ("@COMBAT", "violence"),
    ("@TROOPS", "troops"),
    ("@MEDIATION", "mediate"),
    ("@TALKS", "meet"),
    ("@MEETING", "meet"),
    ("@C_MEET", "meet"),
    ("@SETTLEMENT", "settle"),
    ("@AGREEMENT", "settle"),
    ("@C_SETTLE", "settle"),
    ("@REGIME", "institutions"),
    ("@C_INSTITUTION", "institutions"),
    ("@LEADERSHIP", "leader"),
    ("@C_LEADER", "leader"),
    ("@RIGHTS", "rights"),
    ("@POLICYCHANGE", "policy"),
    ("@C_POLICY", "policy"),
    ("@REFORM", "reform"),
    ("@DIPCOOP", "dipl"),
    ("@RELATIONS", "dipl"),
)
# class -> kind: what is done with the domain.
CONTENT_KINDS: tuple[tuple[str, str], ...] = (
    ("@AID", "aid"),
    ("@C_GIVE", "aid"),
    ("@YIELD", "yield"),
    ("@DEESCALATE", "yield"),
    ("@C_YIELD", "yield"),
)
_AID_DOMAINS = {"hum": "aid_hum", "econaid": "aid_econ", "econ": "aid_econ", "mil": "aid_mil",
                "pk": "aid_pk", "troops": "aid_pk"}  # fmt: skip
_YIELD_DOMAINS = {
    "sanction": "yield_econ",
    "admin": "yield_admin",
    "dissent": "yield_dissent",
    "release": "yield_release",
    "detainee": "yield_release",
    "intl": "yield_intl",
    "pk": "yield_intl",
    "violence": "yield_mil",
    "unconventional": "yield_mil",
    "ceasefire": "yield_mil",
    "troops": "yield_mil",
    "mil": "yield_mil",
    "policy": "policy",
}
# A domain word on its own.  Sanctions, restrictions, protests or violence alone say nothing
# about the direction ("demanded sanctions" is not an appeal to ease them), so they are absent.
_ALONE = {
    "pk": "aid_pk",
    "hum": "aid_hum",
    "econaid": "aid_econ",
    "mil": "mil",
    "econ": "econ",
    "jud": "jud",
    "intel": "intel",
    "coop": "mat",
    "ceasefire": "yield_mil",
    "release": "yield_release",
    "intl": "yield_intl",
    "mediate": "mediate",
    "meet": "meet",
    "settle": "settle",
    "institutions": "institutions",
    "leader": "leader",
    "rights": "rights",
    "policy": "policy",
    "reform": "reform",
    "dipl": "dipl",
}
_COOP_DOMAINS = {"econ": "econ", "mil": "mil", "jud": "jud", "intel": "intel"}
_REFORM_DOMAINS = {"institutions", "leader", "rights", "policy"}
_PARENT = {
    **{s: "aid" for s in ("aid_econ", "aid_mil", "aid_hum", "aid_pk")},
    **{s: "mat" for s in ("econ", "mil", "jud", "intel")},
    **{
        s: "yield"
        for s in (
            "yield_admin",
            "yield_dissent",
            "yield_release",
            "yield_econ",
            "yield_intl",
            "yield_mil",
        )
    },
    **{s: "reform" for s in ("leader", "policy", "rights", "institutions")},
}


def refines(new: str | None, old: str | None) -> bool:
    """Whether slot ``new`` says more than ``old`` (no slot, or its parent slot)."""
    if new is None or new == old:
        return False
    return old is None or _PARENT.get(new) == old


def content_slot(words: list[tuple[set[str], set[str]]]) -> str | None:
    """The slot named by a complement's content words.

    ``words`` holds, nearest word first, each word's (kinds, domains) from
    :data:`CONTENT_KINDS` and :data:`CONTENT_DOMAINS`.
    """
    kind = next((k for kinds, _ in words for k in sorted(kinds)), None)
    domains = [d for _, ds in words for d in ds]
    if kind == "aid":
        slot = next((_AID_DOMAINS[d] for d in domains if d in _AID_DOMAINS), None)
        if slot is not None:
            return slot
    elif kind == "yield":
        slot = next((_YIELD_DOMAINS[d] for d in domains if d in _YIELD_DOMAINS), None)
        if slot is not None:
            return slot
    first = next((_ALONE[d] for d in domains if d in _ALONE), None)
    if first is None:
        # "provide aid" is aid whatever is given; "provide information" is intelligence.
        # "refused to forsake its nuclear programme": giving something up is yielding, even
        # where the lexicon has no narrower slot for what is given up.
        return {"aid": "aid", "yield": "yield"}.get(kind or "")
    if first == "mat":
        first = next((_COOP_DOMAINS[d] for d in domains if d in _COOP_DOMAINS), first)
    elif first == "reform":
        first = next((d for d in domains if d in _REFORM_DOMAINS), first)
    return first
