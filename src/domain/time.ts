// Time as the organizations live it: dates in Japan (Asia/Tokyo). Pure; shared by the rule
// engines, the server and the web.

// Built once: constructing an Intl.DateTimeFormat costs about as much as a database round trip,
// and every request asks for today's date (session roles, route rules).
const japanDate = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo' });

/** Today's date (YYYY-MM-DD) in Japan, where the organizations work. */
export function todayInJapan(now: Date): string {
  return japanDate.format(now);
}

/** Clock of a business call: today's date in Japan and the instant (tests move both). */
export type Clock = { today: string; now: Date };

/** The clock of an instant. */
export function clockAt(now: Date): Clock {
  return { today: todayInJapan(now), now };
}
