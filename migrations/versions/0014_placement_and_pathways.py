"""The placement check's results, tested-out lessons and each person's pathway

Revision ID: 0014
Revises: 0013
Create Date: 2026-11-30 00:50:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('placement_results',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('training_year', sa.Integer(), nullable=False),
    sa.Column('score', sa.Integer(), nullable=False),
    sa.Column('out_of', sa.Integer(), nullable=False),
    sa.Column('recommended_level', sa.Integer(), nullable=False),
    sa.Column('taken_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_placement_results_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_placement_results'))
    )
    with op.batch_alter_table('placement_results', schema=None) as batch_op:
        batch_op.create_index('ix_placement_results_user_year', ['user_id', 'training_year'], unique=False)

    op.create_table('placement_answers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('result_id', sa.Integer(), nullable=False),
    sa.Column('question_id', sa.String(length=60), nullable=False),
    sa.Column('answer', sa.String(length=500), nullable=False),
    sa.Column('correct', sa.Boolean(), nullable=False),
    sa.CheckConstraint('length(answer) <= 500', name=op.f('ck_placement_answers_answer_length')),
    sa.ForeignKeyConstraint(['result_id'], ['placement_results.id'], name=op.f('fk_placement_answers_result_id_placement_results')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_placement_answers'))
    )
    with op.batch_alter_table('placement_answers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_placement_answers_result_id'), ['result_id'], unique=False)

    op.create_table('pathway_choices',
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('training_year', sa.Integer(), nullable=False),
    sa.Column('level', sa.Integer(), nullable=False),
    sa.Column('chosen_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_pathway_choices_user_id_users')),
    sa.PrimaryKeyConstraint('user_id', 'training_year', name=op.f('pk_pathway_choices'))
    )


def downgrade():
    op.drop_table('pathway_choices')
    with op.batch_alter_table('placement_answers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_placement_answers_result_id'))

    op.drop_table('placement_answers')
    with op.batch_alter_table('placement_results', schema=None) as batch_op:
        batch_op.drop_index('ix_placement_results_user_year')

    op.drop_table('placement_results')
