-- embeddings are computed once for the cluster: a chunk's vector, by the hash of its text
-- (and of the model), so a new or restarted instance builds its index without the model
create table knowledge_vector (
    text_hash  text primary key,
    vector     bytea not null,
    created_at timestamptz not null default now()
);

-- the content version the cluster serves: one row, written by the instance that indexed it;
-- the others follow it (LISTEN partnerbot_content, and a poll for notifications missed)
create table knowledge_version (
    id          smallint primary key default 1 check (id = 1),
    fingerprint text not null,
    chunks      integer not null,
    indexed_by  text not null,
    indexed_at  timestamptz not null default now()
);

-- documents an admin uploaded: every instance indexes them beside the content directory;
-- one with the path of a file there replaces it
create table knowledge_document (
    path        text primary key,
    content     bytea not null,
    uploaded_by text not null,
    uploaded_at timestamptz not null default now()
);
