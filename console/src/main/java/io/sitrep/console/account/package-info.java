/** Local accounts: who may sign in with a password, their role, and the first admin. */
package io.sitrep.console.account;
