"""create accounts

Revision ID: a1b2c3d4e5f6
Revises: 
Create Date: 2024-01-01 00:00:01.104215

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'a1b2c3d4e5f6'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(
        """
        CREATE TABLE accounts (
            id integer PRIMARY KEY,
            email varchar(200) NOT NULL
        )
        """
    )


def downgrade() -> None:
    op.execute("DROP TABLE accounts")
