// The signed-in account (from GET /api/v1/me), shared by the shell and the pages, and what its
// roles may open: business pages for the business roles, administration for the three
// administrators (the server decides; this only avoids offering what would be refused).

let me = null;

const BUSINESS = ['analyst', 'inspector', 'case_officer', 'complaint_handler', 'leader'];
const ADMIN = ['system_admin', 'security_admin', 'audit_admin'];

export function current() {
  return me;
}

export function set(who) {
  me = who;
}

export function hasRole(...roles) {
  return !!me && me.roles.some((r) => roles.includes(r));
}

export function isBusiness() {
  return hasRole(...BUSINESS);
}

export function isAdmin() {
  return hasRole(...ADMIN);
}

/** The roles the server lets read 双随机 draws (their records hold the internal credit class). */
export function readsDraws() {
  return hasRole('analyst', 'inspector', 'case_officer', 'leader');
}
