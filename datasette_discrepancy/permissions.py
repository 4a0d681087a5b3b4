"""Permission checks that work on Datasette 0.65 and on the 1.0 alphas.

A plugin page shows rows from the articles, claims and measures tables, so it
is visible exactly when Datasette would show all of those tables.
"""
from datasette import Forbidden

TABLES = ("articles", "claims", "measures")


def has_allowed_api(datasette) -> bool:
    # 1.0 alphas: datasette.allowed(action=..., resource=...) with Resource objects
    return hasattr(datasette, "allowed")


async def can_view(datasette, actor, database, tables=TABLES) -> bool:
    if has_allowed_api(datasette):
        from datasette.resources import DatabaseResource, TableResource

        if not await datasette.allowed(action="view-instance", actor=actor):
            return False
        if not await datasette.allowed(
            action="view-database", resource=DatabaseResource(database=database), actor=actor
        ):
            return False
        for table in tables:
            if not await datasette.allowed(
                action="view-table", resource=TableResource(database=database, table=table), actor=actor
            ):
                return False
        return True
    # 0.65: the three-level visibility check Datasette's own table view uses
    for table in tables:
        visible, _ = await datasette.check_visibility(
            actor,
            permissions=[
                ("view-table", (database, table)),
                ("view-database", database),
                "view-instance",
            ],
        )
        if not visible:
            return False
    return True


async def ensure_can_view(datasette, actor, database, tables=TABLES):
    if not await can_view(datasette, actor, database, tables):
        raise Forbidden("You do not have permission to view this database's discrepancies")
