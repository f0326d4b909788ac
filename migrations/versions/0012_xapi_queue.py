"""xAPI statements queued for the learning record store

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-30 00:45:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'xapi_statements',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('statement_id', sa.String(length=36), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('body', sa.JSON(), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('sent_at', sa.DateTime(), nullable=True),
        sa.Column('attempts', sa.Integer(), nullable=False),
        sa.Column('next_attempt_at', sa.DateTime(), nullable=False),
        sa.Column('last_error', sa.String(length=500), nullable=True),
        sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_xapi_statements_user_id_users')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_xapi_statements')),
        sa.UniqueConstraint('statement_id', name=op.f('uq_xapi_statements_statement_id')),
    )
    with op.batch_alter_table('xapi_statements', schema=None) as batch_op:
        batch_op.create_index('ix_xapi_statements_due', ['sent_at', 'next_attempt_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_xapi_statements_user_id'), ['user_id'], unique=False)


def downgrade():
    with op.batch_alter_table('xapi_statements', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_xapi_statements_user_id'))
        batch_op.drop_index('ix_xapi_statements_due')
    op.drop_table('xapi_statements')
