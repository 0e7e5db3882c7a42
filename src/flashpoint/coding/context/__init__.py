"""How and where an act is reported: modality, attribution, dates, places."""
