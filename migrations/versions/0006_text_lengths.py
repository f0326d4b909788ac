"""Text lengths: what people type is stored only up to the forms' limits, on SQLite as well as PostgreSQL

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-26 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

OUTSIDE_LEARNING = {'title': 200, 'provider': 200, 'link': 500, 'notes': 2000, 'review_comment': 1000}
ANSWER = 500


def upgrade():
    # Anything stored before the limits is cut to them, so the new types and checks accept every row.
    for column, limit in OUTSIDE_LEARNING.items():
        op.execute(f"UPDATE outside_learning SET {column} = substr({column}, 1, {limit}) WHERE length({column}) > {limit}")
    op.execute(f"UPDATE exercise_attempts SET answer = substr(answer, 1, {ANSWER}) WHERE length(answer) > {ANSWER}")

    with op.batch_alter_table('outside_learning', schema=None) as batch_op:
        batch_op.alter_column('notes', existing_type=sa.Text(), type_=sa.String(length=2000), existing_nullable=True)
        batch_op.alter_column('review_comment', existing_type=sa.Text(), type_=sa.String(length=1000), existing_nullable=True)
        batch_op.create_check_constraint(
            'text_lengths', ' AND '.join(f'length({column}) <= {limit}' for column, limit in OUTSIDE_LEARNING.items())
        )

    with op.batch_alter_table('exercise_attempts', schema=None) as batch_op:
        batch_op.alter_column('answer', existing_type=sa.Text(), type_=sa.String(length=ANSWER), existing_nullable=False)
        batch_op.create_check_constraint('answer_length', f'length(answer) <= {ANSWER}')


def downgrade():
    with op.batch_alter_table('exercise_attempts', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_exercise_attempts_answer_length'), type_='check')
        batch_op.alter_column('answer', existing_type=sa.String(length=ANSWER), type_=sa.Text(), existing_nullable=False)

    with op.batch_alter_table('outside_learning', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_outside_learning_text_lengths'), type_='check')
        batch_op.alter_column('review_comment', existing_type=sa.String(length=1000), type_=sa.Text(), existing_nullable=True)
        batch_op.alter_column('notes', existing_type=sa.String(length=2000), type_=sa.Text(), existing_nullable=True)
