"""Controlled vocabularies shared by the table contracts and the extractors."""

ENTITY_TYPES = ["person", "state", "organization", "igo", "location", "group"]
IGO_CODES = ["NATO", "G7", "G20", "EU", "UN", "ICC", "QUAD", "APEC", "ASEAN", "AIIB", "PALM", "IAEA",
             "WTO", "WHO", "IMF", "WB", "OSCE", "SCO", "BRICS", "PIF", "AU", "OPEC", "CSTO", "EAEU", "OAS",
             "UNSC", "UNGA", "ICJ", "OECD", "GCC", "AUKUS", "IEA", "INTERPOL", "EAS", "ARF", "UNHCR",
             "UNICEF", "WFP", "ADB", "EBRD", "NDB", "ECOWAS", "SADC", "EAC", "IGAD", "ECCAS", "AES",
             "MERCOSUR", "CARICOM", "CELAC", "OIC", "SAARC", "NAM", "AFDB", "IADB"]
QUOTE_TYPES = ["full", "partial"]
FIGURE_KINDS = ["money", "percent", "count", "distance", "mass", "duration", "multiple", "other"]
APPROXIMATIONS = ["exact", "about", "more_than", "less_than", "up_to", "at_least"]
EVENT_TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
               "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]
EVENT_STATUSES = ["occurred", "planned"]
DATE_PRECISIONS = ["day", "month", "year"]
DATE_BASES = ["sentence", "context", "publication"]
DATE_SOURCES = ["catalog", "front_matter", "file_name", "text", "url"]
TITLE_SOURCES = ["catalog", "front_matter", "collection", "text"]
ISSUE_CODES = ["empty", "binary", "invalid_utf8", "too_large", "duplicate", "catalog_missing_file",
               "catalog_bad_date", "catalog_malformed", "symlink_outside", "unreadable", "bad_name",
               "extraction_error", "contract_violation", "too_slow", "hard_link", "source_changed",
               "unsupported_format", "bad_front_matter", "collection_malformed", "file_name_mismatch"]
