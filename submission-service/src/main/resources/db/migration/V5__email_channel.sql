-- Contributions by e-mail (mail-intake): the channel, the receiving server's verdicts on the sender, and the
-- metadata a mail cannot carry (category, country), which reviewers fill in.
alter table submission add column channel varchar(10) not null default 'API';
alter table submission add column authentication_results varchar(4000);
alter table submission alter column submitter_category drop not null;
alter table submission alter column country drop not null;

-- The address that mail-intake maps to a call: a mailbox per call or a plus-address on one mailbox.
alter table call_for_input add column intake_email varchar(254);
create unique index call_for_input_intake_email on call_for_input (lower(intake_email));
