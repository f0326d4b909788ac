"""Evidence files for outside learning

Revision ID: 0015
Revises: 0014
Create Date: 2026-11-30 00:50:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('evidence_files',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('entry_id', sa.Integer(), nullable=False),
    sa.Column('stored_name', sa.String(length=43), nullable=False),
    sa.Column('original_name', sa.String(length=120), nullable=False),
    sa.Column('content_type', sa.String(length=40), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('uploaded_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("content_type IN ('application/pdf', 'image/png', 'image/jpeg')", name=op.f('ck_evidence_files_content_type_known')),
    sa.CheckConstraint('size > 0', name=op.f('ck_evidence_files_size_positive')),
    sa.CheckConstraint('length(original_name) <= 120', name=op.f('ck_evidence_files_original_name_length')),
    sa.ForeignKeyConstraint(['entry_id'], ['outside_learning.id'], name=op.f('fk_evidence_files_entry_id_outside_learning')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_evidence_files')),
    sa.UniqueConstraint('entry_id', name=op.f('uq_evidence_files_entry_id')),
    sa.UniqueConstraint('stored_name', name=op.f('uq_evidence_files_stored_name'))
    )


def downgrade():
    op.drop_table('evidence_files')
