-- How the contribution arrived (API or EMAIL) and, for e-mail, the receiving server's Authentication-Results
-- (SPF, DKIM, DMARC), so that reviewers can tell a spoofed sender. Recorded, never trusted.
alter table review_case add column channel varchar(10) not null default 'API';
alter table review_case add column authentication_results varchar(4000);
