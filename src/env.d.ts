/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** The notice being rendered, for the components its MDX body places (<Signature />, <TaskList /> …). */
    notice?: import('astro:content').CollectionEntry<'notices'>;
  }
}
