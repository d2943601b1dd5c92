"""The case file's entities (SQLAlchemy 2.0 ORM). No Qt here.

Importing this package registers every model on ``Base.metadata``.
"""

from app.models.agencies import Agency, Consent, Letter, Referral
from app.models.agreements import Agreement, AgreementStep
from app.models.base import Base
from app.models.case import Case, PhaseTransition
from app.models.casework import Barrier, Contact, Deadline, Measure
from app.models.documents import Document, DocumentContent
from app.models.goals import Assessment, Goal, GoalReview, GoalStep
from app.models.meta import AuditEntry, VaultMeta
from app.models.person import Person, ResidenceDocument
from app.models.reporting import ReportTombstone
from app.models.search import SearchDoc

__all__ = [
    "Agency",
    "Agreement",
    "AgreementStep",
    "Assessment",
    "AuditEntry",
    "Barrier",
    "Base",
    "Case",
    "Consent",
    "Contact",
    "Deadline",
    "Document",
    "DocumentContent",
    "Goal",
    "GoalReview",
    "GoalStep",
    "Letter",
    "Measure",
    "Person",
    "PhaseTransition",
    "Referral",
    "ReportTombstone",
    "ResidenceDocument",
    "SearchDoc",
    "VaultMeta",
]
