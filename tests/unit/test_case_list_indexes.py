"""The case list's slow paths use the indexes of migration 0005 (measured in
benchmarks/bench_case_file: next-deadline sort and goal-area filter on 10,000 cases)."""

from __future__ import annotations

from sqlalchemy import event, text

from app.services.case_list import list_cases


def query_plans(vault, **query) -> str:
    """EXPLAIN QUERY PLAN of every statement ``list_cases`` runs, as one text."""
    statements = []

    def capture(_conn, _cursor, statement, parameters, _context, _executemany):
        if statement.lstrip().upper().startswith("SELECT"):
            statements.append((statement, parameters))

    event.listen(vault.engine, "before_cursor_execute", capture)
    try:
        with vault.session() as session:
            list_cases(session, limit=100, **query)
    finally:
        event.remove(vault.engine, "before_cursor_execute", capture)
    plans = []
    with vault.engine.connect() as conn:
        for statement, parameters in statements:
            rows = conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters).fetchall()
            plans.extend(row[3] for row in rows)
    return "\n".join(plans)


def test_the_indexes_exist_at_head(vault):
    with vault.session() as session:
        names = set(session.scalars(text("SELECT name FROM sqlite_master WHERE type = 'index'")))
    assert {"ix_deadlines_case_done_due", "ix_assessments_area_need", "ix_goals_area_case"} <= names


def test_the_next_deadline_sort_reads_deadlines_from_the_index_alone(vault):
    plans = query_plans(vault, sort="next_deadline")
    assert "COVERING INDEX ix_deadlines_case_done_due" in plans


def test_the_goal_area_filter_looks_up_by_area(vault):
    plans = query_plans(vault, sort="name", goal_area="language")
    assert "ix_assessments_area_need" in plans and "ix_goals_area_case" in plans
    assert "SCAN assessments" not in plans and "SCAN goals" not in plans
