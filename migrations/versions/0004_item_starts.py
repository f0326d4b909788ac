"""Item starts: when a person first opened a lesson or exercise in a training year

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25 15:10:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('item_starts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('training_year', sa.Integer(), nullable=False),
    sa.Column('started_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['item_id'], ['course_items.id'], name=op.f('fk_item_starts_item_id_course_items')),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_item_starts_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_item_starts')),
    sa.UniqueConstraint('user_id', 'item_id', 'training_year', name=op.f('uq_item_starts_user_id_item_id_training_year'))
    )
    with op.batch_alter_table('item_starts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_item_starts_item_id'), ['item_id'], unique=False)


def downgrade():
    with op.batch_alter_table('item_starts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_item_starts_item_id'))

    op.drop_table('item_starts')
