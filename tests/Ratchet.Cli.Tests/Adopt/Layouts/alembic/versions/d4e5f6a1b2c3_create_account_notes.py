"""create account notes

Revision ID: d4e5f6a1b2c3
Revises: a1b2c3d4e5f6
Create Date: 2024-01-01 00:00:04.730519

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = 'd4e5f6a1b2c3'
down_revision: Union[str, Sequence[str], None] = 'a1b2c3d4e5f6'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.execute('''CREATE TABLE account_notes (
        id integer PRIMARY KEY,
        note text
    )''')


def downgrade() -> None:
    """Downgrade schema."""
    op.execute("DROP TABLE account_notes")
