"""create entries

Revision ID: c3d4e5f6a1b2
Revises: b2c3d4e5f6a1
Create Date: 2024-01-01 00:00:03.527161

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = 'c3d4e5f6a1b2'
down_revision: Union[str, Sequence[str], None] = 'b2c3d4e5f6a1'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.execute("""
    CREATE TABLE entries (
        id integer PRIMARY KEY,
        account_id integer NOT NULL REFERENCES accounts (id),
        amount integer NOT NULL
    );
    """)


def downgrade() -> None:
    """Downgrade schema."""
    op.execute("DROP TABLE entries;")
