-- Real SMS providers (notifier/src/aliyun.rs, tencent.rs): a template
-- variable longer than the provider allows is cut, and the message records
-- which and how ("no:40→35"; shared::notify::template::cut).
ALTER TABLE notice_outbox ADD COLUMN cut TEXT;

-- A delivery receipt names the message by the provider's id (Tencent's
-- pull hands out receipts of any message; notifier/src/receipts.rs).
CREATE INDEX notice_outbox_message ON notice_outbox (provider, provider_message_id);
