-- Visitors' chat is rate-limited with the same `throttle_events` as sign-ins: messages
-- and new conversations per client address (keyed hashes, as for sign-ins), messages per
-- conversation and per app (their ids).
alter table throttle_events drop constraint throttle_events_scope_check;
alter table throttle_events add constraint throttle_events_scope_check check (scope in (
    'ip', 'email', 'sign_up',
    'visitor_message', 'visitor_start', 'conversation_message', 'app_message'
));
