"""merge entries and account notes

Revision ID: e5f6a1b2c3d4
Revises: c3d4e5f6a1b2, d4e5f6a1b2c3
Create Date: 2024-01-01 00:00:05.912370

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = 'e5f6a1b2c3d4'
down_revision: Union[str, Sequence[str], None] = ('c3d4e5f6a1b2', 'd4e5f6a1b2c3')
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    pass


def downgrade() -> None:
    """Downgrade schema."""
    pass
