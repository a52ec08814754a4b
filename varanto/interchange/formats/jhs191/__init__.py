"""JHS 191 (tiedonohjaussuunnitelma, TOS) XML: the records management plan written from the
canonical catalogue and read back into its "records_management" part.

`plan_xml` writes a file valid against the standard schema (`Skeema_TOS_kooste.xsd`) and names each
class too incomplete for it instead of writing it invalid; `read_plan` reads standard files and the
City of Helsinki's helerm exports (valid against its relaxed `*_HKI_custom.xsd`).
"""

from .reading import looks_like_plan, parents_set, plan_sorted, read_plan
from .schema import NS, schema_errors
from .writing import PlanExport, plan_xml

__all__ = [
    "NS",
    "PlanExport",
    "looks_like_plan",
    "parents_set",
    "plan_sorted",
    "plan_xml",
    "read_plan",
    "schema_errors",
]
