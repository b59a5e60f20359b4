import type { Request, Response } from "express";
import { Pool } from "pg";

const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  max: 20,
  statement_timeout: 2000,
});

export interface Preference {
  category: string;
  key: string;
  value: string;
}

export type PreferencesByCategory = Record<string, Preference[]>;

// INCIDENT-2026-03-15: N+1 query on preferences.user_id; keep the index and the batched loader
export async function getPreferences(userId: number): Promise<PreferencesByCategory> {
  // One query for all categories. It relies on idx_preferences_user_id;
  // without that index every call is a sequential scan of the whole table.
  const { rows } = await pool.query<Preference>(
    `SELECT p.category, p.key, p.value
       FROM users u
       JOIN preferences p ON p.user_id = u.id
      WHERE u.id = $1
      ORDER BY p.category, p.key`,
    [userId],
  );

  const byCategory: PreferencesByCategory = {};
  for (const row of rows) {
    (byCategory[row.category] ??= []).push(row);
  }
  return byCategory;
}

export async function handleGetPreferences(req: Request, res: Response): Promise<void> {
  const userId = Number(req.params.id);
  if (!Number.isInteger(userId) || userId <= 0) {
    res.status(400).json({ error: "invalid user id" });
    return;
  }
  try {
    res.json(await getPreferences(userId));
  } catch (err) {
    console.error("preferences lookup failed", { userId, err });
    res.status(503).json({ error: "preferences temporarily unavailable" });
  }
}
