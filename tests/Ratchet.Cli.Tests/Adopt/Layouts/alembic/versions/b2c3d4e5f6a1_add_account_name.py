"""add account name

Revision ID: b2c3d4e5f6a1
Revises: a1b2c3d4e5f6
Create Date: 2024-01-01 00:00:02.318842

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'b2c3d4e5f6a1'
down_revision = 'a1b2c3d4e5f6'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("CREATE INDEX accounts_email_idx ON accounts (email)")
    op.execute("ALTER TABLE accounts ADD COLUMN name varchar(100)")


def downgrade() -> None:
    op.execute("DROP INDEX accounts_email_idx")
    op.execute('ALTER TABLE accounts DROP COLUMN name')
