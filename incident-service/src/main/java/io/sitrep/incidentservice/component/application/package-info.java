/** Component use cases: define components and change their status outside any incident. */
package io.sitrep.incidentservice.component.application;
