-- The retention purge's ways of paging, measured inside PostgreSQL alone (no client, no writer):
-- the single DELETE against pages of keys read in key order and pages of heap blocks (TID range
-- scans), each page deleting its messages' attachments first and committing.
--
-- Run after `./lethe bench --db 'jdbc:postgresql://…?currentSchema=bench_q' --scenario retention
-- --size medium` has left its last platform in schema bench_q (the aged messages purged):
--   psql -h 127.0.0.1 -U postgres -d test -f docs/benchmarks/retention-paging-server-side.sql
-- The messages left there are copied once; "aged" is then the oldest 30 % of them, spread over the
-- whole table as the scenario's aged messages are. Each variant starts from a fresh copy.
\timing off
\set ON_ERROR_STOP on
drop schema if exists paging cascade;
create schema paging;
set search_path = paging;
create table messages_orig as select * from bench_q.messages order by id;
create table attachments_orig as select * from bench_q.attachments order by id;
select percentile_disc(0.3) within group (order by created_at) as cutoff
  from messages_orig \gset

create procedure reset() language plpgsql as $$
begin
  drop table if exists attachments, messages;
  create table messages (like bench_q.messages including defaults);
  insert into messages select * from messages_orig;
  alter table messages add primary key (id);
  create index on messages (conversation_id);
  create index on messages (created_at);
  create index on messages (workspace_id);
  create table attachments (like bench_q.attachments including defaults);
  insert into attachments select * from attachments_orig;
  alter table attachments add primary key (id);
  create index on attachments (message_id);
  create index on attachments (workspace_id);
  alter table attachments add foreign key (message_id) references messages (id);
end $$;

-- key order: read up to :n aged keys after the last, delete their attachments, then them; commit
create procedure by_keys(cutoff timestamptz, n int) language plpgsql as $$
declare ids bigint[]; last bigint := 0;
begin
  loop
    select array_agg(id) into ids from (select id from messages
      where created_at < cutoff and id > last order by id limit n) s;
    exit when ids is null;
    delete from attachments where message_id = any(ids);
    delete from messages where id = any(ids);
    last := ids[array_length(ids, 1)];
    commit;
  end loop;
end $$;

-- heap order: the aged keys of :blocks heap blocks at a time (a TID range scan), deleted by key
create procedure by_blocks(cutoff timestamptz, blocks int) language plpgsql as $$
declare ids bigint[]; b bigint := 0; last_block bigint;
begin
  select pg_relation_size('messages') / current_setting('block_size')::int into last_block;
  while b <= last_block loop
    select array_agg(id) into ids from messages where ctid >= format('(%s,0)', b)::tid
      and ctid < format('(%s,0)', b + blocks)::tid and created_at < cutoff;
    if ids is not null then
      delete from attachments where message_id = any(ids);
      delete from messages where id = any(ids);
    end if;
    b := b + blocks;
    commit;
  end loop;
end $$;

-- heap order, each slice deleted by its TID range itself
create procedure by_slices(cutoff timestamptz, blocks int) language plpgsql as $$
declare b bigint := 0; last_block bigint; lo tid; hi tid;
begin
  select pg_relation_size('messages') / current_setting('block_size')::int into last_block;
  while b <= last_block loop
    lo := format('(%s,0)', b)::tid;
    hi := format('(%s,0)', b + blocks)::tid;
    delete from attachments where message_id in (select id from messages
      where ctid >= lo and ctid < hi and created_at < cutoff);
    delete from messages where ctid >= lo and ctid < hi and created_at < cutoff;
    b := b + blocks;
    commit;
  end loop;
end $$;

call reset(); vacuum analyze messages, attachments; checkpoint;
\echo single DELETE
\timing on
begin;
delete from attachments where message_id in (select id from messages where created_at < :'cutoff');
delete from messages where created_at < :'cutoff';
commit;
\timing off
call reset(); vacuum analyze messages, attachments; checkpoint;
\echo pages of 5,000 keys in key order
\timing on
call by_keys(:'cutoff', 5000);
\timing off
call reset(); vacuum analyze messages, attachments; checkpoint;
\echo pages of 1,000 keys in key order
\timing on
call by_keys(:'cutoff', 1000);
\timing off
call reset(); vacuum analyze messages, attachments; checkpoint;
\echo pages of 20,000 keys in key order
\timing on
call by_keys(:'cutoff', 20000);
\timing off
call reset(); vacuum analyze messages, attachments; checkpoint;
\echo pages of 300 heap blocks, deleted by key
\timing on
call by_blocks(:'cutoff', 300);
\timing off
call reset(); vacuum analyze messages, attachments; checkpoint;
\echo slices of 300 heap blocks, deleted by TID range
\timing on
call by_slices(:'cutoff', 300);
\timing off
drop schema paging cascade;
