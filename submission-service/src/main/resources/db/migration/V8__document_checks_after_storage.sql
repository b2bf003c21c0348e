-- A large document is stored first and checked afterwards (docs/document-checks.md, "Large documents"): CHECKING
-- until the document gate's verdict, then ACCEPTED, or REFUSED with the problem the gate gave (its bytes removed).
alter table document add column status varchar(10) not null default 'ACCEPTED';
alter table document add column check_attempts int not null default 0;
alter table document add column next_check_at timestamptz;
alter table document add column checked_at timestamptz;
alter table document add column refusal_type varchar(60);
alter table document add column refusal_status int;
alter table document add column refusal_title varchar(200);
alter table document add column refusal_detail varchar(1000);
create index document_check_due on document (next_check_at) where status = 'CHECKING';
