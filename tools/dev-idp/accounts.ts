import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { DevPerson } from './directories';

// The development identity provider's own record of accounts, as Entra keeps
// its directory: each account gets a random object id when it is created,
// keeps it when renamed, and a deleted account's user name, created again,
// is a new account with a new id. Directories' admin consent lives here too.
// With a file (the demo, the browser tests' server) it all survives restarts.

export interface DevAccount {
  tid: string;
  oid: string;
  userName: string;
  name: string;
  /** The mailbox address; null for an account without a mailbox (Entra then sends no `email`). */
  email: string | null;
  /** Directory role template ids beyond the member role (`wids`). */
  directoryRoles: string[];
  /** A B2B guest's home directory: the account is the guest's object in `tid`. */
  homeTid?: string;
}

interface Stored {
  accounts: DevAccount[];
  /** Directories whose admin granted the app's application permissions (the admin-consent endpoint). */
  consented: string[];
  /** Directories whose admin consented, for everyone, to the app signing people in. */
  signInConsented: string[];
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export class DevAccounts {
  private readonly data: Stored;

  constructor(private readonly file: string | null) {
    this.data = file && fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Stored) : { accounts: [], consented: [], signInConsented: [] };
  }

  find(tid: string, userName: string): DevAccount | undefined {
    return this.data.accounts.find((a) => a.tid === tid && same(a.userName, userName));
  }

  /**
   * The account behind a person the login page offers. A person whose object
   * id is known (provisioned with it) is that account, renamed if need be;
   * any other is found by user name, or created with a new random id.
   * `update` sets name, mailbox and roles from the sign-in form, which stands
   * in for the Entra admin center.
   */
  resolve(tid: string, person: DevPerson, update = false): DevAccount {
    const known = person.oid ? this.data.accounts.find((a) => a.tid === tid && a.oid === person.oid) : undefined;
    let account = known ?? (person.oid ? undefined : this.find(tid, person.userName));
    if (!account) {
      // A user name held by an account with another id: that account was deleted, and this is a new one.
      this.data.accounts = this.data.accounts.filter((a) => !(a.tid === tid && same(a.userName, person.userName)));
      account = {
        tid,
        oid: person.oid ?? randomUUID(),
        userName: person.userName,
        name: person.name,
        email: person.email,
        directoryRoles: person.directoryRoles,
        homeTid: person.homeTid,
      };
      this.data.accounts.push(account);
    } else {
      account.userName = person.userName;
      if (update || known) Object.assign(account, { name: person.name, email: person.email });
      // A role the offer names (the fixed directories' admins) always holds; the form sets them exactly.
      if (update || person.directoryRoles.length) account.directoryRoles = person.directoryRoles;
    }
    this.save();
    return account;
  }

  /** As an Entra admin deletes an account for good. */
  remove(tid: string, userName: string): void {
    this.data.accounts = this.data.accounts.filter((a) => !(a.tid === tid && same(a.userName, userName)));
    this.save();
  }

  /** As an Entra admin changes a user principal name: same account, same object id. */
  rename(tid: string, from: string, to: string): DevAccount {
    const account = this.find(tid, from);
    if (!account) throw new Error(`no account ${from}`);
    account.userName = to;
    this.save();
    return account;
  }

  /** Admin consent: the application permissions, and signing in for everyone. */
  grantConsent(tid: string): void {
    if (!this.data.consented.includes(tid)) this.data.consented.push(tid);
    this.grantSignInConsent(tid);
  }

  hasConsent(tid: string): boolean {
    return this.data.consented.includes(tid);
  }

  /** As a directory admin's first sign-in consents on behalf of the organization. */
  grantSignInConsent(tid: string): void {
    if (!this.data.signInConsented.includes(tid)) this.data.signInConsented.push(tid);
    this.save();
  }

  hasSignInConsent(tid: string): boolean {
    return this.data.signInConsented.includes(tid);
  }

  private save(): void {
    if (!this.file) return;
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const temporary = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, JSON.stringify(this.data));
    fs.renameSync(temporary, this.file);
  }
}
