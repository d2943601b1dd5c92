"""The case file: persons, cases, goal areas, casework, agencies, agreements, search.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-21
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "agencies",
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("department", sa.String(length=300), nullable=False),
        sa.Column("legal_domain", sa.String(length=20), nullable=False),
        sa.Column("contact_person", sa.String(length=200), nullable=False),
        sa.Column("street", sa.String(length=200), nullable=False),
        sa.Column("postcode", sa.String(length=10), nullable=False),
        sa.Column("city", sa.String(length=100), nullable=False),
        sa.Column("phone", sa.String(length=100), nullable=False),
        sa.Column("email", sa.String(length=200), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agencies")),
    )
    op.create_table(
        "persons",
        sa.Column("given_names", sa.String(length=200), nullable=False),
        sa.Column("family_name", sa.String(length=200), nullable=False),
        sa.Column("name_original", sa.String(length=400), nullable=False),
        sa.Column("aliases", sa.JSON(), nullable=False),
        sa.Column("birth_date", sa.String(length=10), nullable=False),
        sa.Column("gender", sa.String(length=20), nullable=False),
        sa.Column("nationalities", sa.JSON(), nullable=False),
        sa.Column("languages", sa.JSON(), nullable=False),
        sa.Column("interpreter_language", sa.String(length=20), nullable=False),
        sa.Column("phone", sa.String(length=100), nullable=False),
        sa.Column("email", sa.String(length=200), nullable=False),
        sa.Column("address", sa.Text(), nullable=False),
        sa.Column("household", sa.Text(), nullable=False),
        sa.Column("minor_child", sa.Boolean(), nullable=True),
        sa.Column("entry_date", sa.Date(), nullable=True),
        sa.Column("residence_status", sa.String(length=40), nullable=False),
        sa.Column("duldung_since", sa.Date(), nullable=True),
        sa.Column("identity_clarified", sa.Boolean(), nullable=True),
        sa.Column("passport_status", sa.String(length=20), nullable=False),
        sa.Column("passport_valid_until", sa.Date(), nullable=True),
        sa.Column("school_years", sa.Float(), nullable=True),
        sa.Column("qualifications", sa.Text(), nullable=False),
        sa.Column("german_level", sa.String(length=4), nullable=False),
        sa.Column("employment", sa.Text(), nullable=False),
        sa.Column("employment_since", sa.Date(), nullable=True),
        sa.Column("weekly_hours", sa.Float(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_persons")),
    )
    op.create_table(
        "cases",
        sa.Column("ref", sa.String(length=20), nullable=False),
        sa.Column("person_id", sa.String(length=36), nullable=False),
        sa.Column("case_type", sa.String(length=30), nullable=False),
        sa.Column("phase", sa.String(length=20), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("opened", sa.Date(), nullable=False),
        sa.Column("closed", sa.Date(), nullable=True),
        sa.Column("case_manager", sa.String(length=200), nullable=False),
        sa.Column("programme_kim", sa.Boolean(), nullable=False),
        sa.Column("programme_gk", sa.Boolean(), nullable=False),
        sa.Column("intake_source", sa.String(length=20), nullable=False),
        sa.Column("indication", sa.JSON(), nullable=False),
        sa.Column("consent_to_case_management", sa.Boolean(), nullable=False),
        sa.Column("intake_notes", sa.Text(), nullable=False),
        sa.Column("closing_reason", sa.String(length=40), nullable=False),
        sa.Column("outcome", sa.Text(), nullable=False),
        sa.Column("shared", sa.Boolean(), nullable=False),
        sa.Column("legal_hold", sa.Boolean(), nullable=False),
        sa.Column("legal_hold_reason", sa.Text(), nullable=False),
        sa.Column("sort_name", sa.String(length=400), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"], ["persons.id"], name=op.f("fk_cases_person_id_persons")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cases")),
        sa.UniqueConstraint("ref", name=op.f("uq_cases_ref")),
    )
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.create_index("ix_cases_opened", ["opened"], unique=False)
        batch_op.create_index(batch_op.f("ix_cases_person_id"), ["person_id"], unique=False)
        batch_op.create_index("ix_cases_sort_name", ["sort_name"], unique=False)
        batch_op.create_index("ix_cases_status_phase", ["status", "phase"], unique=False)

    op.create_table(
        "residence_documents",
        sa.Column("person_id", sa.String(length=36), nullable=False),
        sa.Column("doc_type", sa.String(length=40), nullable=False),
        sa.Column("paragraph", sa.String(length=40), nullable=False),
        sa.Column("number", sa.String(length=60), nullable=False),
        sa.Column("issued", sa.Date(), nullable=True),
        sa.Column("valid_until", sa.Date(), nullable=True),
        sa.Column("months_valid", sa.Integer(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["persons.id"],
            name=op.f("fk_residence_documents_person_id_persons"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_residence_documents")),
    )
    with op.batch_alter_table("residence_documents", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_residence_documents_person_id"), ["person_id"], unique=False
        )

    op.create_table(
        "agreements",
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("concluded_on", sa.Date(), nullable=True),
        sa.Column("authority_name", sa.String(length=300), nullable=False),
        sa.Column("authority_officer", sa.String(length=200), nullable=False),
        sa.Column("other_parties", sa.Text(), nullable=False),
        sa.Column("ended_reason", sa.Text(), nullable=False),
        sa.Column("template", sa.String(length=80), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_agreements_case_id_cases"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agreements")),
    )
    with op.batch_alter_table("agreements", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_agreements_case_id"), ["case_id"], unique=False)

    op.create_table(
        "assessments",
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("area", sa.String(length=30), nullable=False),
        sa.Column("situation", sa.Text(), nullable=False),
        sa.Column("resources", sa.Text(), nullable=False),
        sa.Column("need_level", sa.Integer(), nullable=True),
        sa.Column("assessed_on", sa.Date(), nullable=True),
        sa.Column("need_level_at_closure", sa.Integer(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_assessments_case_id_cases"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assessments")),
        sa.UniqueConstraint("case_id", "area", name="uq_assessments_case_area"),
    )
    with op.batch_alter_table("assessments", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_assessments_case_id"), ["case_id"], unique=False)

    op.create_table(
        "barriers",
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("category", sa.String(length=40), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("area", sa.String(length=30), nullable=False),
        sa.Column("institution", sa.String(length=300), nullable=False),
        sa.Column("occurred_on", sa.Date(), nullable=False),
        sa.Column("structural", sa.Boolean(), nullable=False),
        sa.Column("shareable", sa.Boolean(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_barriers_case_id_cases"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_barriers")),
    )
    with op.batch_alter_table("barriers", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_barriers_case_id"), ["case_id"], unique=False)

    op.create_table(
        "contacts",
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("duration_minutes", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("participants", sa.Text(), nullable=False),
        sa.Column("areas", sa.JSON(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_contacts_case_id_cases"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contacts")),
    )
    with op.batch_alter_table("contacts", schema=None) as batch_op:
        batch_op.create_index("ix_contacts_case_date", ["case_id", "date"], unique=False)

    op.create_table(
        "deadlines",
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("due", sa.Date(), nullable=False),
        sa.Column("source", sa.String(length=80), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("done", sa.Boolean(), nullable=False),
        sa.Column("done_on", sa.Date(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_deadlines_case_id_cases"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_deadlines")),
    )
    with op.batch_alter_table("deadlines", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_deadlines_case_id"), ["case_id"], unique=False)
        batch_op.create_index("ix_deadlines_done_due", ["done", "due"], unique=False)

    op.create_table(
        "documents",
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("doc_type", sa.String(length=40), nullable=False),
        sa.Column("doc_date", sa.Date(), nullable=True),
        sa.Column("filename", sa.String(length=300), nullable=False),
        sa.Column("mime_type", sa.String(length=100), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_documents_case_id_cases"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_documents")),
    )
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_documents_case_id"), ["case_id"], unique=False)

    op.create_table(
        "goals",
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("area", sa.String(length=30), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("criterion", sa.Text(), nullable=False),
        sa.Column("target_date", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("attainment", sa.Integer(), nullable=False),
        sa.Column("created_on", sa.Date(), nullable=False),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_goals_case_id_cases"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_goals")),
    )
    with op.batch_alter_table("goals", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_goals_case_id"), ["case_id"], unique=False)

    op.create_table(
        "measures",
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("area", sa.String(length=30), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("provider", sa.String(length=300), nullable=False),
        sa.Column("start", sa.Date(), nullable=True),
        sa.Column("end", sa.Date(), nullable=True),
        sa.Column("outcome", sa.String(length=20), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_measures_case_id_cases"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_measures")),
    )
    with op.batch_alter_table("measures", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_measures_case_id"), ["case_id"], unique=False)

    op.create_table(
        "phase_transitions",
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("phase", sa.String(length=20), nullable=False),
        sa.Column("on", sa.Date(), nullable=False),
        sa.Column("by", sa.String(length=200), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["cases.id"],
            name=op.f("fk_phase_transitions_case_id_cases"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_phase_transitions")),
    )
    with op.batch_alter_table("phase_transitions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_phase_transitions_case_id"), ["case_id"], unique=False)

    op.create_table(
        "referrals",
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("agency_id", sa.String(length=36), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("area", sa.String(length=30), nullable=False),
        sa.Column("purpose", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("handover", sa.Boolean(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["agency_id"], ["agencies.id"], name=op.f("fk_referrals_agency_id_agencies")
        ),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_referrals_case_id_cases"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_referrals")),
    )
    with op.batch_alter_table("referrals", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_referrals_agency_id"), ["agency_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_referrals_case_id"), ["case_id"], unique=False)

    op.create_table(
        "search_docs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_search_docs_case_id_cases"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_search_docs")),
        sa.UniqueConstraint("case_id", name=op.f("uq_search_docs_case_id")),
    )

    op.create_table(
        "agreement_steps",
        sa.Column("agreement_id", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("party", sa.String(length=20), nullable=False),
        sa.Column("action", sa.Text(), nullable=False),
        sa.Column("due", sa.Date(), nullable=True),
        sa.Column("within_days_after_previous", sa.Integer(), nullable=True),
        sa.Column("proof_required", sa.Text(), nullable=False),
        sa.Column("proof_document_id", sa.String(length=36), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("status_reason", sa.Text(), nullable=False),
        sa.Column("fulfilled_on", sa.Date(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["agreement_id"],
            ["agreements.id"],
            name=op.f("fk_agreement_steps_agreement_id_agreements"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["proof_document_id"],
            ["documents.id"],
            name=op.f("fk_agreement_steps_proof_document_id_documents"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agreement_steps")),
    )
    with op.batch_alter_table("agreement_steps", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_agreement_steps_agreement_id"), ["agreement_id"], unique=False
        )

    op.create_table(
        "consents",
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("recipient_id", sa.String(length=36), nullable=False),
        sa.Column("categories", sa.JSON(), nullable=False),
        sa.Column("purpose", sa.Text(), nullable=False),
        sa.Column("given", sa.Date(), nullable=False),
        sa.Column("valid_until", sa.Date(), nullable=True),
        sa.Column("withdrawn", sa.Date(), nullable=True),
        sa.Column("document_id", sa.String(length=36), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_consents_case_id_cases"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_consents_document_id_documents"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["recipient_id"], ["agencies.id"], name=op.f("fk_consents_recipient_id_agencies")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consents")),
    )
    with op.batch_alter_table("consents", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_consents_case_id"), ["case_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_consents_recipient_id"), ["recipient_id"], unique=False
        )

    op.create_table(
        "document_contents",
        sa.Column("document_id", sa.String(length=36), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_document_contents_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("document_id", name=op.f("pk_document_contents")),
    )
    op.create_table(
        "goal_reviews",
        sa.Column("goal_id", sa.String(length=36), nullable=False),
        sa.Column("on", sa.Date(), nullable=False),
        sa.Column("attainment", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["goal_id"],
            ["goals.id"],
            name=op.f("fk_goal_reviews_goal_id_goals"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_goal_reviews")),
    )
    with op.batch_alter_table("goal_reviews", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_goal_reviews_goal_id"), ["goal_id"], unique=False)

    op.create_table(
        "goal_steps",
        sa.Column("goal_id", sa.String(length=36), nullable=False),
        sa.Column("action", sa.Text(), nullable=False),
        sa.Column("responsible", sa.String(length=200), nullable=False),
        sa.Column("due", sa.Date(), nullable=True),
        sa.Column("done_on", sa.Date(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["goal_id"], ["goals.id"], name=op.f("fk_goal_steps_goal_id_goals"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_goal_steps")),
    )
    with op.batch_alter_table("goal_steps", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_goal_steps_goal_id"), ["goal_id"], unique=False)

    op.create_table(
        "letters",
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("agency_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("sent_at", sa.DateTime(), nullable=False),
        sa.Column("subject", sa.Text(), nullable=False),
        sa.Column("consent_id", sa.String(length=36), nullable=True),
        sa.Column("override_reason", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["agency_id"], ["agencies.id"], name=op.f("fk_letters_agency_id_agencies")
        ),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_letters_case_id_cases"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["consent_id"],
            ["consents.id"],
            name=op.f("fk_letters_consent_id_consents"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_letters")),
    )
    with op.batch_alter_table("letters", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_letters_case_id"), ["case_id"], unique=False)

    # Full-text search, one row per case: a column per field and one of
    # alternative spellings for each (see app/services/text_folding.py).
    # unicode61 folds Latin diacritics, so "Müller" matches "Muller". Prefix
    # indexes for 2 and 3 characters keep search-as-you-type flat as the vault
    # grows: without them a 2-letter prefix merges every matching term
    # (measured: p95 12-15 ms -> 8.6 ms at 10,000 cases, index 10.7 -> 25.5 MB).
    op.execute(
        "CREATE VIRTUAL TABLE search_fts USING fts5("
        "name, name_alt, ref, ref_alt, notes, notes_alt, goals, goals_alt, barriers, barriers_alt, "
        "tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')"
    )


def downgrade() -> None:
    op.execute("DROP TABLE IF EXISTS search_fts")
    with op.batch_alter_table("letters", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_letters_case_id"))

    op.drop_table("letters")
    with op.batch_alter_table("goal_steps", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_goal_steps_goal_id"))

    op.drop_table("goal_steps")
    with op.batch_alter_table("goal_reviews", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_goal_reviews_goal_id"))

    op.drop_table("goal_reviews")
    op.drop_table("document_contents")
    with op.batch_alter_table("consents", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_consents_recipient_id"))
        batch_op.drop_index(batch_op.f("ix_consents_case_id"))

    op.drop_table("consents")
    with op.batch_alter_table("agreement_steps", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_agreement_steps_agreement_id"))

    op.drop_table("agreement_steps")
    op.drop_table("search_docs")
    with op.batch_alter_table("referrals", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_referrals_case_id"))
        batch_op.drop_index(batch_op.f("ix_referrals_agency_id"))

    op.drop_table("referrals")
    with op.batch_alter_table("phase_transitions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_phase_transitions_case_id"))

    op.drop_table("phase_transitions")
    with op.batch_alter_table("measures", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_measures_case_id"))

    op.drop_table("measures")
    with op.batch_alter_table("goals", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_goals_case_id"))

    op.drop_table("goals")
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_documents_case_id"))

    op.drop_table("documents")
    with op.batch_alter_table("deadlines", schema=None) as batch_op:
        batch_op.drop_index("ix_deadlines_done_due")
        batch_op.drop_index(batch_op.f("ix_deadlines_case_id"))

    op.drop_table("deadlines")
    with op.batch_alter_table("contacts", schema=None) as batch_op:
        batch_op.drop_index("ix_contacts_case_date")

    op.drop_table("contacts")
    with op.batch_alter_table("barriers", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_barriers_case_id"))

    op.drop_table("barriers")
    with op.batch_alter_table("assessments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_assessments_case_id"))

    op.drop_table("assessments")
    with op.batch_alter_table("agreements", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_agreements_case_id"))

    op.drop_table("agreements")
    with op.batch_alter_table("residence_documents", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_residence_documents_person_id"))

    op.drop_table("residence_documents")
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.drop_index("ix_cases_status_phase")
        batch_op.drop_index("ix_cases_sort_name")
        batch_op.drop_index(batch_op.f("ix_cases_person_id"))
        batch_op.drop_index("ix_cases_opened")

    op.drop_table("cases")
    op.drop_table("persons")
    op.drop_table("agencies")
