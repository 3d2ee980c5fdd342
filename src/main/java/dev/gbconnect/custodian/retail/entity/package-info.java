/** The stored customer.xsd resources ({@code CustomerResource}) and their tree ({@code CustomerKind}). */
package dev.gbconnect.custodian.retail.entity;
