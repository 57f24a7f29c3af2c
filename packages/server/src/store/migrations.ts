/**
 * Versioned schema migrations, applied in order at start, each inside a transaction.
 * `PRAGMA user_version` records the last one applied. Never edit a shipped migration: add a new one.
 */
export type Migration = { version: number; name: string; sql: string }

export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'accounts, apps, keys, customers, purchases',
    sql: /* sql */ `
      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        email TEXT NOT NULL COLLATE NOCASE UNIQUE,
        password_hash TEXT NOT NULL,
        created_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE sessions (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        secret_hash BLOB NOT NULL,
        created_at INTEGER NOT NULL,
        last_verified_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX sessions_by_user ON sessions(user_id);

      CREATE TABLE apps (
        id INTEGER PRIMARY KEY,
        public_id TEXT NOT NULL UNIQUE,
        owner_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        currency TEXT NOT NULL,
        timezone TEXT NOT NULL,
        language TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        last_event_at INTEGER,
        customers_count INTEGER NOT NULL DEFAULT 0,
        purchases_count INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX apps_by_owner ON apps(owner_id);

      CREATE TABLE api_keys (
        id TEXT PRIMARY KEY,
        app_id INTEGER NOT NULL REFERENCES apps(id) ON DELETE CASCADE,
        type TEXT NOT NULL CHECK (type IN ('publishable', 'secret')),
        name TEXT,
        prefix TEXT NOT NULL,
        hash TEXT NOT NULL UNIQUE,
        created_at INTEGER NOT NULL,
        last_used_at INTEGER,
        revoked_at INTEGER
      ) STRICT;
      CREATE INDEX api_keys_by_app ON api_keys(app_id);

      CREATE TABLE customers (
        id INTEGER PRIMARY KEY,
        app_id INTEGER NOT NULL REFERENCES apps(id) ON DELETE CASCADE,
        user_id TEXT NOT NULL,
        name TEXT,
        email TEXT,
        phone TEXT,
        traits TEXT NOT NULL DEFAULT '{}',
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        first_purchase_at INTEGER,
        last_purchase_at INTEGER,
        orders INTEGER NOT NULL DEFAULT 0,
        revenue INTEGER NOT NULL DEFAULT 0,
        revenue_orders INTEGER NOT NULL DEFAULT 0,
        UNIQUE (app_id, user_id)
      ) STRICT;
      CREATE INDEX customers_by_revenue ON customers(app_id, revenue DESC, id DESC);
      CREATE INDEX customers_by_last_purchase ON customers(app_id, ifnull(last_purchase_at, -1) DESC, id DESC);
      CREATE INDEX customers_by_created ON customers(app_id, created_at DESC, id DESC);
      CREATE INDEX customers_by_name ON customers(app_id, coalesce(name, user_id) COLLATE NOCASE, id);

      CREATE TABLE customer_events (
        id INTEGER PRIMARY KEY,
        customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
        type TEXT NOT NULL CHECK (type IN ('signed_up', 'profile_updated')),
        at INTEGER NOT NULL,
        data TEXT NOT NULL
      ) STRICT;
      CREATE INDEX customer_events_by_customer ON customer_events(customer_id, at);

      CREATE TABLE purchases (
        id INTEGER PRIMARY KEY,
        app_id INTEGER NOT NULL REFERENCES apps(id) ON DELETE CASCADE,
        order_id TEXT NOT NULL,
        customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
        amount INTEGER NOT NULL CHECK (amount >= 0),
        currency TEXT NOT NULL,
        ts INTEGER NOT NULL,
        items TEXT NOT NULL,
        properties TEXT,
        received_at INTEGER NOT NULL,
        UNIQUE (app_id, order_id)
      ) STRICT;
      CREATE INDEX purchases_by_customer ON purchases(customer_id, ts);
      CREATE INDEX purchases_by_time ON purchases(app_id, ts);

      CREATE TABLE messages (
        app_id INTEGER NOT NULL,
        message_id TEXT NOT NULL,
        PRIMARY KEY (app_id, message_id)
      ) STRICT, WITHOUT ROWID;
    `,
  },
  {
    version: 2,
    name: 'signing secrets for embed and admin-page tokens',
    sql: /* sql */ `
      CREATE TABLE signing_secrets (
        name TEXT PRIMARY KEY,
        secret BLOB NOT NULL,
        created_at INTEGER NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 3,
    name: 'customer sort keys refreshed in bulk, off the write path of each purchase',
    sql: /* sql */ `
      ALTER TABLE customers ADD COLUMN ranked_revenue INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE customers ADD COLUMN ranked_last_purchase_at INTEGER;
      UPDATE customers SET ranked_revenue = revenue, ranked_last_purchase_at = last_purchase_at;
      DROP INDEX customers_by_revenue;
      DROP INDEX customers_by_last_purchase;
      CREATE INDEX customers_by_revenue ON customers(app_id, ranked_revenue DESC, id DESC);
      CREATE INDEX customers_by_last_purchase ON customers(app_id, ifnull(ranked_last_purchase_at, -1) DESC, id DESC);

      -- The ranked_* columns are current for every purchase up to this purchases.id.
      CREATE TABLE customer_ranking (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        ranked_through INTEGER NOT NULL
      ) STRICT;
      INSERT INTO customer_ranking (id, ranked_through) VALUES (1, (SELECT coalesce(max(id), 0) FROM purchases));
    `,
  },
  {
    version: 4,
    name: 'customer totals derived in bulk from the purchases after a watermark',
    sql: /* sql */ `
      -- Until now every purchase updated its customer's totals, so they are current through the last purchase.
      -- From now on ingestion only appends purchases, and CustomerTotalsStore adds the ones after totals_through.
      DROP INDEX customers_by_revenue;
      DROP INDEX customers_by_last_purchase;
      ALTER TABLE customers DROP COLUMN ranked_revenue;
      ALTER TABLE customers DROP COLUMN ranked_last_purchase_at;
      CREATE INDEX customers_by_revenue ON customers(app_id, revenue DESC, id DESC);
      CREATE INDEX customers_by_last_purchase ON customers(app_id, ifnull(last_purchase_at, -1) DESC, id DESC);
      DROP TABLE customer_ranking;
      CREATE TABLE customer_totals (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        totals_through INTEGER NOT NULL
      ) STRICT;
      INSERT INTO customer_totals (id, totals_through) VALUES (1, (SELECT coalesce(max(id), 0) FROM purchases));
    `,
  },
  {
    version: 5,
    name: "each customer's purchases by time, kept in bulk with the totals instead of an index written at every commit",
    sql: /* sql */ `
      -- Holds the purchases up to totals_through; CustomerTotalsStore adds the ones after it, in customer order, when
      -- it adds them to the totals. The index it replaces took a random page of writes per purchase at each commit.
      CREATE TABLE customer_purchases (
        customer_id INTEGER NOT NULL,
        ts INTEGER NOT NULL,
        purchase_id INTEGER NOT NULL,
        PRIMARY KEY (customer_id, ts, purchase_id)
      ) STRICT, WITHOUT ROWID;
      INSERT INTO customer_purchases (customer_id, ts, purchase_id)
        SELECT customer_id, ts, id FROM purchases WHERE id <= (SELECT totals_through FROM customer_totals)
        ORDER BY customer_id, ts, id;
      DROP INDEX purchases_by_customer;
    `,
  },
  {
    version: 6,
    name: "customer_purchases with a watermark of its own, so the two halves of a refresh can commit apart",
    sql: /* sql */ `
      -- customer_purchases holds the purchases up to purchases_through; until now that was totals_through.
      ALTER TABLE customer_totals ADD COLUMN purchases_through INTEGER NOT NULL DEFAULT 0;
      UPDATE customer_totals SET purchases_through = totals_through;
    `,
  },
  {
    version: 7,
    name: 'refunds and custom events, keyed by app first',
    sql: /* sql */ `
      ALTER TABLE apps ADD COLUMN refunds_count INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE apps ADD COLUMN events_count INTEGER NOT NULL DEFAULT 0;

      -- Money given back. purchase_id is the refunded order's row (null: a refund of the customer alone); a refund
      -- counts on its own ts. Every key and index leads with app_id, so the table can later be split by app.
      CREATE TABLE refunds (
        id INTEGER PRIMARY KEY,
        app_id INTEGER NOT NULL REFERENCES apps(id) ON DELETE CASCADE,
        refund_id TEXT NOT NULL,
        customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
        purchase_id INTEGER REFERENCES purchases(id) ON DELETE CASCADE,
        amount INTEGER NOT NULL CHECK (amount > 0),
        currency TEXT NOT NULL,
        ts INTEGER NOT NULL,
        items TEXT,
        reason TEXT,
        received_at INTEGER NOT NULL,
        UNIQUE (app_id, refund_id)
      ) STRICT;
      CREATE INDEX refunds_by_time ON refunds(app_id, ts);
      -- Covers the sum of an order's refunds, which every refund of an order checks inside the writer's transaction.
      CREATE INDEX refunds_by_order ON refunds(app_id, purchase_id, amount) WHERE purchase_id IS NOT NULL;
      CREATE INDEX refunds_by_customer ON refunds(app_id, customer_id, ts);

      -- An app's event names, each stored once: events hold the name's id.
      CREATE TABLE event_names (
        id INTEGER PRIMARY KEY,
        app_id INTEGER NOT NULL REFERENCES apps(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        UNIQUE (app_id, name)
      ) STRICT;

      -- Any other interaction of a customer. A quarter of the traffic: appended with one index that grows at its end
      -- (an app's newest times), and none by customer, which would take a random page of writes per event at each
      -- commit; customer_activity keeps each customer's events by time, in bulk, as customer_purchases does.
      CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        app_id INTEGER NOT NULL REFERENCES apps(id) ON DELETE CASCADE,
        customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
        name_id INTEGER NOT NULL REFERENCES event_names(id),
        ts INTEGER NOT NULL,
        properties TEXT
      ) STRICT;
      CREATE INDEX events_by_time ON events(app_id, ts);

      -- Holds the events up to customer_totals.events_through; CustomerTotalsStore adds the ones after it.
      CREATE TABLE customer_activity (
        app_id INTEGER NOT NULL,
        customer_id INTEGER NOT NULL,
        ts INTEGER NOT NULL,
        event_id INTEGER NOT NULL,
        PRIMARY KEY (app_id, customer_id, ts, event_id)
      ) STRICT, WITHOUT ROWID;
      ALTER TABLE customer_totals ADD COLUMN events_through INTEGER NOT NULL DEFAULT 0;
    `,
  },
  {
    version: 8,
    name: 'customers net of refunds, and when each was last seen, derived in bulk like the totals',
    sql: /* sql */ `
      -- revenue becomes net: the purchases in the app's currency less its refunds in that currency (refunds holds
      -- those). last_seen_at is the latest purchase, refund or event. CustomerTotalsStore adds the refunds after
      -- refunds_through with the purchases, and the events after events_through with customer_activity.
      ALTER TABLE customers ADD COLUMN refunds INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE customers ADD COLUMN last_seen_at INTEGER;
      ALTER TABLE customer_totals ADD COLUMN refunds_through INTEGER NOT NULL DEFAULT 0;
      UPDATE customer_totals SET refunds_through = (SELECT coalesce(max(id), 0) FROM refunds);

      UPDATE customers SET revenue = revenue - given.refunds, refunds = given.refunds
      FROM (
        SELECT r.customer_id AS customer_id, sum(iif(r.currency = a.currency, r.amount, 0)) AS refunds
        FROM refunds r JOIN apps a ON a.id = r.app_id GROUP BY r.customer_id
      ) AS given
      WHERE customers.id = given.customer_id;

      -- The purchases in the totals (up to totals_through), every refund, and the events in customer_activity (up to
      -- events_through): the later ones are added by the refresh that takes them.
      UPDATE customers SET last_seen_at = last_purchase_at;
      UPDATE customers SET last_seen_at = max(coalesce(last_seen_at, seen.at), seen.at)
      FROM (
        SELECT customer_id, max(at) AS at FROM (
          SELECT customer_id, max(ts) AS at FROM refunds GROUP BY customer_id
          UNION ALL
          SELECT customer_id, max(ts) AS at FROM customer_activity GROUP BY app_id, customer_id
        ) GROUP BY customer_id
      ) AS seen
      WHERE customers.id = seen.customer_id;
      CREATE INDEX customers_by_last_seen ON customers(app_id, ifnull(last_seen_at, -1) DESC, id DESC);
    `,
  },
]
