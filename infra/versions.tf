terraform {
  required_version = ">= 1.5"
  required_providers {
    google = {
      source  = "hashicorp/google"
      version = "~> 6.10"
    }
    archive = {
      source  = "hashicorp/archive"
      version = "~> 2.6"
    }
    time = {
      source  = "hashicorp/time"
      version = "~> 0.12"
    }
  }

  # State in a Cloud Storage bucket: deploy.sh creates it (versioned) and passes its name with
  # -backend-config="bucket=…" (STATE_BUCKET, by default <project>-meldekette-tfstate).
  backend "gcs" {
    prefix = "meldekette"
  }
}

provider "google" {
  project = var.project_id
  region  = var.region
  # APIs such as Firebase's and Identity's want a quota project on the caller's own credentials.
  user_project_override = true
  billing_project       = var.project_id
}

data "google_project" "this" {}
