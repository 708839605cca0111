-- The Message-ID a mail is sent with, chosen when it is first claimed and kept for any later try, so that a
-- mail sent again after a crash carries the same one and mail systems can tell it is the same message.
alter table outbox_mail add column message_id varchar(300);
