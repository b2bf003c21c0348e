-- The queue's orders as CaseQueries writes them ("<column> desc nulls last, id desc"), per call and across calls, for
-- the default order (received) and by last change (updated): a page is read in index order, and a search whose words
-- most cases contain stops after a page of matches instead of testing every case's text (docs/benchmarks.md).
drop index review_case_call_received;
create index review_case_call_received on review_case (call_id, received_at desc nulls last, id desc);
drop index review_case_received;
create index review_case_received on review_case (received_at desc nulls last, id desc) where received_at is not null;
create index review_case_call_updated on review_case (call_id, updated_at desc nulls last, id desc);
