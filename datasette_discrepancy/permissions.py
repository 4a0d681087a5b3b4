"""Permission checks that work on Datasette 0.65 and on the 1.0 alphas.

A plugin page shows rows from the articles, claims and measures tables, so it
is visible exactly when Datasette's own table pages would show all of those
tables to the same actor: the same checks, in the same way.

- 0.65: the three-level visibility check the table view makes,
  `check_visibility(actor, permissions=[("view-table", (db, table)),
  ("view-database", db), "view-instance"])`, where the first explicit answer
  wins (a database `allow: true` can open a table on a private instance).
- 1.0 alphas: the table view asks `allowed(action="view-table",
  resource=TableResource(db, table))`, which already folds in the instance's
  and the database's `allow` blocks, `permissions:` rules and a token's `_r`
  restrictions. Asking view-instance or view-database as well would hide pages
  whose tables Datasette itself shows (a token restricted to three tables,
  `permissions: {view-database: ...}`), so we ask what the table view asks.
"""
from datasette import Forbidden

TABLES = ("articles", "claims", "measures")


def has_allowed_api(datasette) -> bool:
    # 1.0 alphas: datasette.allowed(action=..., resource=...) with Resource objects
    return hasattr(datasette, "allowed")


async def can_view(datasette, actor, database, tables=TABLES) -> bool:
    if has_allowed_api(datasette):
        from datasette.resources import TableResource

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
