from datasette import hookimpl

from . import config, views
from .cli import discrepancy
from .permissions import can_view


@hookimpl
def startup(datasette):
    # Read-only: checks the plugin's settings so a mistake fails at startup
    config.validate(datasette)


@hookimpl
def register_routes():
    return views.ROUTES


@hookimpl
def register_commands(cli):
    cli.add_command(discrepancy)


@hookimpl
def database_actions(datasette, actor, database):
    async def inner():
        if not config.reports_on(datasette, database):
            return []
        if not await views.has_discrepancy_tables(datasette, database):
            return []
        if not await can_view(datasette, actor, database):
            return []
        return [
            {
                "href": datasette.urls.database(database) + "/-/discrepancies",
                "label": "Line up the figures in these articles",
            }
        ]

    return inner
