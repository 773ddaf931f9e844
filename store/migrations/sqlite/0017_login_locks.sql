-- Login lockout (issue 10, item 7): failed attempts per account e-mail and
-- per client address, and the lock they lead to. In the database so that a
-- lock holds on every server copy.
CREATE TABLE login_locks (
    id           INTEGER PRIMARY KEY,
    lock_key     TEXT NOT NULL UNIQUE, -- 'account:<e-mail>' or 'address:<ip>'
    failures     INTEGER NOT NULL,     -- failed attempts since window_start
    window_start TIMESTAMP NOT NULL,
    locked_until TIMESTAMP
);
