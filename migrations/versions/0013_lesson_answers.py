"""Answers to the marked questions in lessons

Revision ID: 0013
Revises: 0012
Create Date: 2026-11-30 00:45:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('lesson_answers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('question_id', sa.String(length=60), nullable=False),
    sa.Column('answer', sa.String(length=500), nullable=False),
    sa.Column('correct', sa.Boolean(), nullable=False),
    sa.Column('training_year', sa.Integer(), nullable=False),
    sa.Column('answered_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('length(answer) <= 500', name=op.f('ck_lesson_answers_answer_length')),
    sa.ForeignKeyConstraint(['item_id'], ['course_items.id'], name=op.f('fk_lesson_answers_item_id_course_items')),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_lesson_answers_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_lesson_answers'))
    )
    with op.batch_alter_table('lesson_answers', schema=None) as batch_op:
        batch_op.create_index(
            'ix_lesson_answers_question_stats',
            ['item_id', 'training_year', 'question_id', 'user_id'],
            unique=False,
            postgresql_include=['correct', 'id'],
        )
        batch_op.create_index('ix_lesson_answers_user_item_year', ['user_id', 'item_id', 'training_year'], unique=False)


def downgrade():
    with op.batch_alter_table('lesson_answers', schema=None) as batch_op:
        batch_op.drop_index('ix_lesson_answers_user_item_year')
        batch_op.drop_index('ix_lesson_answers_question_stats')

    op.drop_table('lesson_answers')
