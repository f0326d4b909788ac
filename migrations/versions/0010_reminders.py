"""Reminders: what was sent to whom, and who turned optional reminders off

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-30 00:45:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def _sending_columns():
    return [
        sa.Column('rule', sa.String(length=40), nullable=False),
        sa.Column('training_year', sa.Integer(), nullable=False),
        sa.Column('due_on', sa.Date(), nullable=False),
        sa.Column('claim', sa.String(length=32), nullable=False),
        sa.Column('claimed_at', sa.DateTime(), nullable=False),
        sa.Column('sent_at', sa.DateTime(), nullable=True),
        sa.Column('failed_at', sa.DateTime(), nullable=True),
        sa.Column('attempts', sa.Integer(), nullable=False),
        sa.Column('error', sa.String(length=200), nullable=True),
        sa.Column('link_used_at', sa.DateTime(), nullable=True),
    ]


def upgrade():
    op.create_table(
        'reminders_sent',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=False),
        *_sending_columns(),
        sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_reminders_sent_user_id_users')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_reminders_sent')),
        sa.UniqueConstraint('user_id', 'rule', 'training_year', 'due_on', name='uq_reminders_sent_once'),
    )
    op.create_index('ix_reminders_sent_occasion', 'reminders_sent', ['rule', 'training_year', 'due_on'])
    op.create_index(op.f('ix_reminders_sent_claim'), 'reminders_sent', ['claim'])
    op.create_table(
        'manager_digests',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('manager_id', sa.Integer(), nullable=False),
        sa.Column('people', sa.Integer(), nullable=False),
        *_sending_columns(),
        sa.ForeignKeyConstraint(['manager_id'], ['users.id'], name=op.f('fk_manager_digests_manager_id_users')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_manager_digests')),
        sa.UniqueConstraint('manager_id', 'rule', 'training_year', 'due_on', name='uq_manager_digests_once'),
    )
    op.create_index('ix_manager_digests_occasion', 'manager_digests', ['rule', 'training_year', 'due_on'])
    op.create_index(op.f('ix_manager_digests_claim'), 'manager_digests', ['claim'])
    op.create_table(
        'reminder_opt_outs',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('rule', sa.String(length=40), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_reminder_opt_outs_user_id_users')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_reminder_opt_outs')),
        sa.UniqueConstraint('user_id', 'rule', name='uq_reminder_opt_outs_rule'),
    )


def downgrade():
    op.drop_table('reminder_opt_outs')
    op.drop_index(op.f('ix_manager_digests_claim'), table_name='manager_digests')
    op.drop_index('ix_manager_digests_occasion', table_name='manager_digests')
    op.drop_table('manager_digests')
    op.drop_index(op.f('ix_reminders_sent_claim'), table_name='reminders_sent')
    op.drop_index('ix_reminders_sent_occasion', table_name='reminders_sent')
    op.drop_table('reminders_sent')
